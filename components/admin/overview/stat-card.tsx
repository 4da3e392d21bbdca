import { Card, CardContent, CardHeader } from "@/components/ui/card";

export function StatCard({ label, value, detail }: { label: string; value: number | string; detail?: string }) {
  return (
    <Card>
      <CardHeader className="pb-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{label}</p>
      </CardHeader>
      <CardContent>
        <p className="text-3xl font-semibold tabular-nums">{value}</p>
        {detail ? <p className="mt-1 text-xs text-zinc-500">{detail}</p> : null}
      </CardContent>
    </Card>
  );
}
