import { ListLoading } from "@/components/admin/list-loading";

export default function AdminUsersLoading() {
  return <ListLoading label="Loading accounts" />;
}
