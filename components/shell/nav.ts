import { Activity, BedDouble, Bell, CalendarRange, Gauge, HeartPulse, LayoutDashboard, Lightbulb, ListChecks, ListTodo, Mail, NotebookPen, Settings, SlidersHorizontal, SquareActivity, TrendingUp, Users, Watch, type LucideIcon } from "lucide-react";

/** The navigation groups of PRODUCT.md, in the order the sidebar shows them. */
export const NAV_GROUPS = [
  { id: "today", label: "Today" },
  { id: "body", label: "Body" },
  { id: "insights", label: "Insights" },
  { id: "life", label: "Life" },
  { id: "account", label: "Account" },
] as const;

export type NavGroupId = (typeof NAV_GROUPS)[number]["id"];

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  group: NavGroupId;
  /** Current only on this exact path, not on the pages beneath it. */
  exact?: boolean;
}

/**
 * Every page in the signed-in navigation. A new domain adds one line here once its page exists;
 * groups without items are not shown.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard, group: "today" },
  { href: "/journal", label: "Journal", icon: NotebookPen, group: "today" },
  { href: "/sleep", label: "Sleep", icon: BedDouble, group: "body" },
  { href: "/heart", label: "Heart", icon: HeartPulse, group: "body" },
  { href: "/activity", label: "Activity", icon: Activity, group: "body" },
  { href: "/trends", label: "Trends", icon: TrendingUp, group: "body" },
  { href: "/insights", label: "Insights", icon: Lightbulb, group: "insights" },
  { href: "/action-plan", label: "Action plan", icon: ListTodo, group: "insights" },
  { href: "/reports", label: "Reports", icon: CalendarRange, group: "insights" },
  { href: "/team", label: "Team", icon: Users, group: "account" },
  { href: "/notifications", label: "Notifications", icon: Bell, group: "account" },
  { href: "/devices", label: "Devices", icon: Watch, group: "account" },
  { href: "/settings", label: "Settings", icon: Settings, group: "account" },
];

export interface NavSection {
  id: string;
  label: string;
  items: NavItem[];
}

export function navSections(items: readonly NavItem[] = NAV_ITEMS): NavSection[] {
  return NAV_GROUPS.map((group) => ({ ...group, items: items.filter((item) => item.group === group.id) })).filter(
    (section) => section.items.length > 0,
  );
}

/** The admin console's own navigation (admins only; the pages check the role again). */
export const ADMIN_SECTIONS: readonly NavSection[] = [
  {
    id: "admin",
    label: "Admin",
    items: [
      { href: "/admin", label: "Overview", icon: Gauge, group: "account", exact: true },
      { href: "/admin/jobs", label: "Jobs", icon: ListChecks, group: "account" },
      { href: "/admin/outbox", label: "Email outbox", icon: Mail, group: "account" },
      { href: "/admin/score-weights", label: "Score weights", icon: SlidersHorizontal, group: "account" },
      { href: "/admin/status", label: "Status", icon: SquareActivity, group: "account" },
    ],
  },
];

export type NavArea = "app" | "admin";

export function sectionsFor(area: NavArea): readonly NavSection[] {
  return area === "admin" ? ADMIN_SECTIONS : navSections();
}

// In its own module so that client code can ask without loading this list and its icons.
export { isActivePath } from "./nav-match";
