/** The --help text of every command. */
const filters = `  --gpu MODEL            a GPU model or family (H100, RTX-4090); repeat for several
  --min-gpus N           at least N GPUs in the machine
  --min-vram GB          at least this much memory per GPU
  --max-price USD        at most this per GPU-hour, e.g. 1.85
  --region CC            two-letter country code
  --min-bandwidth MBPS   download bandwidth
  --min-cuda X.Y         CUDA version, e.g. 12.4
  --min-reliability N    provider reliability 0-100
  --online               only machines whose agent reports in now
  --min-uptime PCT       measured 30-day uptime, e.g. 99.5`;

export const help = {
  main: `idlegrid: rent GPUs on Idlegrid from scripts.

Usage: idlegrid <command> [options]

Commands:
  login                  save the server and an API key (from IDLEGRID_API_KEY or stdin)
  logout                 forget them
  search                 find listings (a table; --json, or --quiet for ids only)
  show <listing>         one listing
  rent <listing>         order a listing: --hours N [--gpus K] [--ssh-key FILE]
  pay <order>            sign and send the order's payment, or --print it for another signer
  status <order>         an order's status; --watch [--until STATUS] waits
  stop <order>           stop a metered rental
  extend <order>         extend a metered rental: --hours N
  jobs list|post|offers|accept   training jobs (idlegrid jobs --help)

Run idlegrid <command> --help for its options.

Environment:
  IDLEGRID_SERVER        the server (overrides the saved one)
  IDLEGRID_API_KEY       the API key (overrides the saved one; read by login)
  IDLEGRID_CONFIG_DIR    where login saves them (default ~/.config/idlegrid)
  IDLEGRID_PRIVATE_KEY   the hex key pay signs with
  IDLEGRID_RPC_URL       the RPC pay sends through (default: the chain's public one)

Exit codes: 0 ok, 1 failed, 2 bad usage, 3 the server refused the API key.`,
  login: `Usage: idlegrid login [--server URL]

Reads the API key (Account, API keys in the app) from IDLEGRID_API_KEY or the first line of stdin,
checks it with the server and saves both in $IDLEGRID_CONFIG_DIR/config.json (mode 0600).

  --server URL   the Idlegrid server (default $IDLEGRID_SERVER, the saved one, or http://localhost:3000)`,
  logout: `Usage: idlegrid logout

Deletes the saved server and key. The key itself stays valid until revoked on the Account page.`,
  search: `Usage: idlegrid search [filters] [--sort S] [--limit N] [--cursor C] [--json | --quiet]

${filters}
  --sort S               price (default), value (per TFLOP), vram, tflops or newest
  --limit N              at most N results (default 24, at most 100)
  --cursor C             the next page, as the previous page printed it
  --json                 the API's answer as JSON
  -q, --quiet            listing ids only, one per line`,
  show: `Usage: idlegrid show <listing> [--json]

One listing: hardware, price, location, provider and what its agent measured.`,
  rent: `Usage: idlegrid rent <listing> --hours N [--gpus K] [--ssh-key FILE] [--json | --quiet]

Creates an order (PENDING_PAYMENT) and prints its id; the server computes the amount. Pay it with
idlegrid pay <order> before its start deadline.

  --hours N        rental length in hours, within the listing's minimum and maximum
  --gpus K         how many of the machine's GPUs (default: all)
  --ssh-key FILE   an OpenSSH public key file for the provider to install (e.g. ~/.ssh/id_ed25519.pub)
  --json           the created order as JSON
  -q, --quiet      the order id only`,
  pay: `Usage: idlegrid pay <order> [--keystore FILE] [--rpc-url URL] [--print]

Signs and sends the order's transactions (approve, then open the escrow) as the server returned them,
waiting for each. The order turns FUNDED when the server has read the payment on chain.

  --keystore FILE  a file (mode 0600) holding the hex private key; default: IDLEGRID_PRIVATE_KEY.
                   Encrypted JSON keystores are not read: decrypt with your wallet tool, or use --print.
  --rpc-url URL    the chain's RPC (default IDLEGRID_RPC_URL, else the chain's public RPC)
  --print          sign nothing: print {chainId, from, transactions} as JSON for another signer`,
  status: `Usage: idlegrid status <order> [--watch [--until STATUS] [--interval S] [--timeout S]] [--json]

  --watch          poll and print each new status until the order is final (or --until)
  --until STATUS   stop when the order reaches STATUS or a later one, e.g. FUNDED; fail if it can no longer
  --interval S     seconds between polls (default 2)
  --timeout S      give up after S seconds (default 600)
  --json           the order as JSON (with --watch: one JSON line per status)`,
  stop: `Usage: idlegrid stop <order> [--keystore FILE] [--rpc-url URL] [--print] [--json]

Stops a metered rental now (POST /api/v1/orders/{id}/stop). The escrow calls the server answers with
are signed and sent as pay does (IDLEGRID_PRIVATE_KEY or --keystore), or printed as JSON with --print.`,
  extend: `Usage: idlegrid extend <order> --hours N [--keystore FILE] [--rpc-url URL] [--print] [--json]

Extends a metered rental by N hours (POST /api/v1/orders/{id}/extend): the server answers with the
calls that pay for it (approve, then extend), signed and sent as pay does, or printed with --print.`,
  jobs: `Usage: idlegrid jobs <list|post|offers|accept> [options]

  jobs list              the open jobs on the board
  jobs post <file|->     post a job from JSON (the fields of POST /api/v1/jobs); --publish to open it
  jobs offers <job>      the offers on your job
  jobs accept <offer>    accept an offer; prints the order to pay

Run idlegrid jobs <command> --help for its options.`,
  "jobs list": `Usage: idlegrid jobs list [--gpu MODEL]... [--min-vram GB] [--min-budget USD] [--max-budget USD]
                         [--region CC] [--framework F] [--sort newest|budget|deadline] [--cursor C] [--json | --quiet]`,
  "jobs post": `Usage: idlegrid jobs post <file|-> [--publish] [--json | --quiet]

The file holds one JSON object: title, description, framework (PYTORCH, JAX, TENSORFLOW, OTHER),
containerImage, command, datasetUrl, outputUrl, gpuModels, minVramGb, gpuCount, minReliability,
regions, estimatedHours, maxPricePerGpuHour ("2.50"), offerDeadline (ISO time). It is checked with
the server's schema before it is sent. Prints the job id.`,
  "jobs offers": `Usage: idlegrid jobs offers <job> [--json | --quiet]`,
  "jobs accept": `Usage: idlegrid jobs accept <offer> [--json | --quiet]

Accepts the offer (you must be the job's buyer) and prints the order id; pay it with idlegrid pay.`,
} as const;
