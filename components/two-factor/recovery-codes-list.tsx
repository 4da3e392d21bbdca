import { Alert } from "@/components/ui/alert";

/** Freshly issued recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <Alert variant="success" className="flex flex-col gap-2">
      <p className="font-medium">Save these recovery codes somewhere safe. Each works once, and this is the only time they are shown.</p>
      <ul data-testid="recovery-codes" aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </Alert>
  );
}
