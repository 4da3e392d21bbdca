import type { IncomingMessage, ServerResponse } from "node:http";

export declare function acceptsBrotli(header: string | string[] | undefined): boolean;
export declare function precompressStatic(staticDir: string): Promise<number>;
export declare function createStaticBrotli(options: { staticDir: string; headers?: Record<string, string> }): {
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
};
