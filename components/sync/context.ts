"use client";

import { createContext } from "react";
import type { SyncEngine } from "./engine";

/** The signed-in user's engine; null on the server, before hydration and outside a SyncProvider. */
export const SyncContext = createContext<SyncEngine | null>(null);
