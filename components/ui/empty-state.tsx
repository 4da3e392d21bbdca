import { cn } from "./cn";

interface EmptyStateProps {
  icon?: React.ReactNode;
  title: string;
  description: React.ReactNode;
  /** What the user can do next (a button or link). */
  action?: React.ReactNode;
  className?: string;
}

export function EmptyState({ icon, title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700", className)}>
      {icon ? <div className="text-zinc-400 [&_svg]:size-8" aria-hidden>{icon}</div> : null}
      <h3 className="text-base font-semibold">{title}</h3>
      <div className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
