/** Account, sign-in and the wallet area of the header (connect dialog, account menu). */
export const accountEn = {
  title: "Your account",
  signedInAs: "Signed in as",
  sshKeys: "SSH public keys",
  sshKeysHint:
    "Saved keys can be picked when you rent a machine; the provider installs the one you pick. Only public keys: never paste a private key.",
  noKeys: "No saved keys yet.",
  deleteKey: "Delete",
  addKey: "Add an SSH key",
  keyLabel: "Label",
  keyLabelPlaceholder: "Work laptop",
  publicKey: "Public key",
  saving: "Saving…",
  saveKey: "Save key",
  deleteFailed: "The key could not be deleted. Reload the page and try again.",
  signInTitle: "Sign in",
  signInHeading: "Sign in to continue",
  signInBody:
    "Idlegrid accounts are wallets. Connect yours with the button at the top right and sign the message it shows you; signing costs nothing and sends no transaction.",
  signedInBack: "Signed in, taking you back…",
  waiting: "Waiting for you to sign in…",
};
