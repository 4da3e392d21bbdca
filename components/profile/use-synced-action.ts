"use client";

import { useState } from "react";
import { useSyncMutation } from "@/components/sync/hooks";
import type { MutationName } from "@/server/sync/mutations";
import { messageOf } from "./field-errors";

interface ActionState<A> {
  isPending: boolean;
  variables: A | undefined;
  error: unknown;
}

/**
 * One sync mutation with the state a form shows (pending, the args being saved, the error): it is
 * applied to this device's copy at once and sent when there is a network. A ZodError for bad args
 * is the error (fieldErrorsOf reads its fields); `onDone` runs once the change is on this device.
 * `A` is the mutation's args (z.infer of its input schema), named by the caller.
 */
export function useSyncedAction<A extends object>(name: MutationName, onDone?: (args: A) => void) {
  const mutate = useSyncMutation();
  const [state, setState] = useState<ActionState<A>>({ isPending: false, variables: undefined, error: null });
  const mutateAsync = async (args: A) => {
    setState({ isPending: true, variables: args, error: null });
    try {
      await mutate(name, args);
    } catch (error) {
      setState({ isPending: false, variables: args, error });
      throw error;
    }
    setState({ isPending: false, variables: args, error: null });
    onDone?.(args);
  };
  return {
    ...state,
    isError: state.error != null,
    message: state.error != null ? messageOf(state.error) : null,
    mutateAsync,
    mutate: (args: A) => void mutateAsync(args).catch(() => undefined),
    reset: () => setState({ isPending: false, variables: undefined, error: null }),
  };
}
