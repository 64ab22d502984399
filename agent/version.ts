/** Reported to the server with every hardware report and bench receipt; bump when the protocol or behaviour changes. */
export const AGENT_VERSION = "0.1.0";
