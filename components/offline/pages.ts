/** The signed-in pages the service worker keeps a copy of (warmed after sign-in), listed on /offline. */
export const OFFLINE_PAGES = [
  { href: "/journal", label: "Journal" },
  { href: "/action-plan", label: "Action plan" },
  { href: "/settings/notifications", label: "Notification settings" },
  { href: "/settings/privacy", label: "Privacy settings" },
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/sync", label: "Sync" },
] as const;
