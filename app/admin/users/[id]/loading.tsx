import { ListLoading } from "@/components/admin/list-loading";

export default function AdminUserLoading() {
  return <ListLoading label="Loading the account" />;
}
