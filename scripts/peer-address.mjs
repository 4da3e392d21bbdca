// The one place the app learns who connected: server/request.ts reads this header (PEER_ADDRESS_HEADER there).
export const PEER_ADDRESS_HEADER = "x-biosync-peer";

/** Replaces whatever copy of the header the client sent with the socket's own address. */
export function setPeerAddress(req) {
  const rawHeaders = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== PEER_ADDRESS_HEADER) rawHeaders.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const address = req.socket.remoteAddress ?? "";
  req.rawHeaders = [...rawHeaders, PEER_ADDRESS_HEADER, address];
  req.headers[PEER_ADDRESS_HEADER] = address;
}
