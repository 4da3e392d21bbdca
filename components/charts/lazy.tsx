"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/*
 * The charts, loaded on demand in the browser only: recharts stays out of the pages' first-load
 * JavaScript, and charts that measure their container never render on the server.
 */

const loading = () => <Skeleton className="h-full w-full" />;

export const LazyLineChart = dynamic(() => import("./line-chart").then((m) => m.LineChart), { ssr: false, loading });
export const LazyBarChart = dynamic(() => import("./bar-chart").then((m) => m.BarChart), { ssr: false, loading });
export const LazyHypnogram = dynamic(() => import("./hypnogram").then((m) => m.Hypnogram), { ssr: false, loading });
