import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AdminStatus } from "@/server/admin/status";

/** Requests per route in the status window: where the latency and the errors come from. */
export function RouteTable({ routes, minutes }: { routes: AdminStatus["routes"]; minutes: number }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Requests by route</CardTitle>
        <CardDescription>Every instance, the last {minutes} minutes. The p95 is known to its histogram bucket.</CardDescription>
      </CardHeader>
      <CardContent>
        {routes.length === 0 ? (
          <EmptyState title="No requests recorded" description="Counts appear within seconds of the first request to a route." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Route</TableHead>
                <TableHead className="text-right">Requests</TableHead>
                <TableHead className="text-right">5xx</TableHead>
                <TableHead className="text-right">p95</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {routes.map((r) => (
                <TableRow key={r.route}>
                  <TableCell className="font-mono text-xs">{r.route}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.count.toLocaleString("en")}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.errors.toLocaleString("en")}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.p95Ms === null ? "—" : `${r.p95Ms.toLocaleString("en")} ms`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
