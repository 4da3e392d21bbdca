"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { TeamUpgradeNotice } from "./upgrade-notice";
import { errorReason, fieldError } from "./errors";

/** The empty state of /team on a plan with the team dashboard: name an organization to start one. */
export function CreateOrganization() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.teams.create.mutationOptions({
      onSuccess: (org) => {
        router.push(`/team?org=${org.id}`);
        router.refresh();
      },
    }),
  );
  if (create.error && errorReason(create.error) === "plan.upgrade-required") return <TeamUpgradeNotice message={create.error.message} />;
  return (
    <Card className="max-w-xl">
      <CardHeader>
        <CardTitle>Create an organization</CardTitle>
        <CardDescription>Invite coaches and members by email. Members decide for themselves whether a coach sees their energy scores.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name });
          }}
        >
          <FormField
            label="Organization name"
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            minLength={2}
            maxLength={80}
            autoComplete="organization"
            error={create.error ? (fieldError(create.error, "name") ?? create.error.message) : null}
          />
          <div>
            <Button type="submit" pending={create.isPending}>
              Create organization
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
