/** A link is current on its own page and, unless `exact`, on the pages beneath it (/settings → /settings/profile). */
export function isActivePath(pathname: string, item: { href: string; exact?: boolean }): boolean {
  if (pathname === item.href) return true;
  return !item.exact && pathname.startsWith(`${item.href}/`);
}
