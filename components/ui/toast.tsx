"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ComponentType } from "react";
import { onDemand } from "./on-demand";

export type ToastVariant = "success" | "error" | "info";

export interface ToastMessage {
  title: string;
  description?: string;
  variant?: ToastVariant;
}

export interface ToastEntry extends ToastMessage {
  id: number;
}

type ToastListProps = { toasts: ToastEntry[]; onDismiss: (id: number) => void };

const ToastContext = createContext<((message: ToastMessage) => void) | null>(null);

// The toast primitives load with the first toast: most page loads never show one.
const toastList = onDemand<ToastListProps>(() => import("./toast-list").then((m) => m.ToastList));

let nextId = 1;

/** Mount once near the root; `useToast()` anywhere below shows a short, announced message. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const [List, setList] = useState<ComponentType<ToastListProps> | null>(null);
  const show = useCallback((message: ToastMessage) => {
    setToasts((current) => [...current.slice(-2), { ...message, id: nextId++ }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);

  // Each new toast while the list is missing asks for it (again, if an earlier download failed).
  const waiting = List ? undefined : toasts.at(-1)?.id;
  useEffect(() => {
    if (waiting === undefined) return;
    let live = true;
    toastList.load().then(
      (component) => {
        if (live) setList(() => component);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [waiting]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      {List ? <List toasts={toasts} onDismiss={dismiss} /> : null}
    </ToastContext.Provider>
  );
}

export function useToast(): (message: ToastMessage) => void {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error("useToast must be used inside <ToastProvider>");
  return toast;
}
