import { ListLoading } from "@/components/admin/list-loading";

export default function AdminAuditLoading() {
  return <ListLoading label="Loading the audit log" />;
}
