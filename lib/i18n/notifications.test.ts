import { describe, expect, it } from "vitest";
import { notificationMessage } from "@/lib/notifications/messages";

describe("notification messages in German", () => {
  it.each([
    ["offer.new", { jobTitle: "T", pricePerGpuHour: "1234500000" }, "Neues Angebot für „T“ zu 1.234,50 USDC pro GPU-Stunde."],
    ["offer.new", {}, "Neues Angebot für „Ihr Auftrag“."],
    ["offer.accepted", { jobTitle: "T" }, "Ihr Angebot für „T“ wurde angenommen. Als Nächstes zahlt der Käufer ins Treuhandkonto."],
    ["offer.declined", { jobTitle: "T", reason: "job_expired" }, "Ihr Angebot für „T“ wurde abgelehnt: Die Angebotsfrist ist abgelaufen."],
    [
      "offer.declined",
      { jobTitle: "T", reason: "made-up" },
      "Ihr Angebot für „T“ wurde abgelehnt: Der Käufer hat sich anders entschieden.",
    ],
    ["job.funded", { jobTitle: "T" }, "„T“ ist bezahlt: Das Geld liegt im Treuhandkonto, Sie können starten."],
    ["job.completed", { jobTitle: "T" }, "„T“ ist abgeschlossen: Prüfen Sie das Ergebnis und geben Sie die Zahlung frei."],
    ["job.disputed", { jobTitle: "T" }, "Für „T“ wurde ein Streitfall eröffnet."],
    ["job.resolved", { jobTitle: "T" }, "Der Streitfall zu „T“ wurde entschieden."],
    ["something.else", {}, "Neuigkeiten zu „Ihr Konto“."],
  ])("%s %j", (kind, params, text) => {
    expect(notificationMessage(kind, params, "USDC", "de")).toBe(text);
  });

  it("stays English by default, with the English number format", () => {
    expect(notificationMessage("offer.new", { jobTitle: "T", pricePerGpuHour: "1234500000" })).toBe(
      "New offer on “T” at 1,234.50 USDC per GPU-hour.",
    );
  });
});
