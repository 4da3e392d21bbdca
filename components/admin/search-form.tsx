import { Search } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

interface SearchFormProps {
  /** The page the form submits to (a GET: the search stays in the URL and works without JavaScript). */
  action: string;
  name: string;
  label: string;
  placeholder: string;
  value: string | undefined;
}

export function SearchForm({ action, name, label, placeholder, value }: SearchFormProps) {
  const id = `search-${name}`;
  return (
    <form role="search" action={action} method="get" className="mb-4 flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input id={id} name={name} type="search" defaultValue={value} placeholder={placeholder} className="max-w-xs" autoComplete="off" />
      <Button type="submit" variant="secondary">
        <Search className="size-4" aria-hidden />
        Search
      </Button>
      {value ? (
        <Button asChild variant="ghost">
          <Link href={action}>Clear</Link>
        </Button>
      ) : null}
    </form>
  );
}
