import { sectionsFor, type NavArea } from "./nav";
import { NavLink } from "./nav-link";

interface NavLinksProps {
  /** Called after a link is followed (the mobile sheet closes itself). */
  onNavigate?: () => void;
  area: NavArea;
  label: string;
}

/**
 * The grouped navigation list, shared by the desktop sidebar and the mobile sheet. Rendered by the
 * server in the sidebar, so the list and its icons ship no code; only each link's "current" state
 * is client code.
 */
export function NavLinks({ onNavigate, area, label }: NavLinksProps) {
  return (
    <nav aria-label={label} className="flex flex-col gap-6">
      {sectionsFor(area).map((section) => (
        <div key={section.id} className="flex flex-col gap-1">
          <h2 className="px-3 text-xs font-semibold uppercase tracking-wide text-zinc-500">{section.label}</h2>
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => {
              const Icon = item.icon;
              return (
                <li key={item.href}>
                  <NavLink href={item.href} exact={item.exact} onNavigate={onNavigate}>
                    <Icon className="size-4" aria-hidden />
                    {item.label}
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
