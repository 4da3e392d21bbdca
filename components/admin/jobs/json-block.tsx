/** Pretty-printed JSON in a scrollable block. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre aria-label={label} className="max-h-80 overflow-auto rounded-md bg-zinc-100 p-3 text-xs leading-5 dark:bg-zinc-950">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
