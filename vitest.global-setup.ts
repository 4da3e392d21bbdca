import type { TestProject } from "vitest/node";
import { adminQuery } from "./db/testing";
import { openDatabase } from "./db/index";

/** With TEST_DATABASE_URL, migrates one template database that every test file copies. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const name = `biosync_tpl_${process.pid}`;
  await adminQuery(url, `drop database if exists ${name} with (force)`);
  await adminQuery(url, `create database ${name}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${name}`;
  const handle = await openDatabase(templateUrl.toString());
  await handle.migrate();
  await handle.close();
  project.provide("templateDb", name);
  return async () => {
    await adminQuery(url, `drop database if exists ${name} with (force)`);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string | undefined;
  }
}
