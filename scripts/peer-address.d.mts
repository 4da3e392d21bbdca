import type { IncomingMessage } from "node:http";

export declare const PEER_ADDRESS_HEADER: string;
export declare function setPeerAddress(req: IncomingMessage): void;
