/** A two-column list of labelled values for admin detail pages. */
export function DetailList({ items }: { items: { label: string; value: React.ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">{item.label}</dt>
          <dd className="min-w-0 break-words">{item.value ?? <span className="text-zinc-400">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
