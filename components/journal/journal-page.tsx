"use client";

import { useState } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { EntryEditor } from "./entry-editor";
import { JournalCalendar } from "./journal-calendar";
import type { JournalView } from "./journal-constants";
import { JournalList } from "./journal-list";
import { TagManager } from "./tag-manager";

/** Entry, calendar, list and tags; the chosen day and view are kept in the address (?date=, ?view=). */
export function JournalPage({ initialDate, initialView, today }: { initialDate: string; initialView: JournalView; today: string }) {
  const [view, setView] = useState(initialView);
  const [date, setDate] = useState(initialDate);
  const remember = (next: { view: JournalView; date: string }) => {
    const url = new URL(window.location.href);
    if (next.view === "entry") url.searchParams.delete("view");
    else url.searchParams.set("view", next.view);
    if (next.date === today) url.searchParams.delete("date");
    else url.searchParams.set("date", next.date);
    window.history.replaceState(null, "", url);
  };
  const openDay = (day: string) => {
    setDate(day);
    setView("entry");
    remember({ view: "entry", date: day });
  };

  return (
    <Tabs
      value={view}
      onValueChange={(value) => {
        setView(value as JournalView);
        remember({ view: value as JournalView, date });
      }}
    >
      <TabsList aria-label="Journal">
        <TabsTrigger value="entry">Entry</TabsTrigger>
        <TabsTrigger value="calendar">Calendar</TabsTrigger>
        <TabsTrigger value="list">List</TabsTrigger>
        <TabsTrigger value="tags">Tags</TabsTrigger>
      </TabsList>
      <TabsContent value="entry">
        <EntryEditor
          date={date}
          today={today}
          onDateChange={(day) => {
            setDate(day);
            remember({ view, date: day });
          }}
        />
      </TabsContent>
      <TabsContent value="calendar">
        <JournalCalendar selected={date} today={today} onPick={openDay} />
      </TabsContent>
      <TabsContent value="list">
        <JournalList today={today} onPick={openDay} />
      </TabsContent>
      <TabsContent value="tags">
        <TagManager />
      </TabsContent>
    </Tabs>
  );
}
