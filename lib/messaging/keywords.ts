// Carrier keywords, in English and Spanish. YES/SÍ are deliberately not START words: contacts
// answer YES to "can you see Ana right now?".
const stopWords = new Set(["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "alto", "parar", "para", "baja", "cancelar", "detener"]);
const startWords = new Set(["start", "unstop", "inicio", "iniciar", "alta", "reanudar"]);
const helpWords = new Set(["help", "info", "ayuda", "informacion", "información"]);

export type Keyword = "stop" | "start" | "help";

export function carrierKeyword(body: string): Keyword | null {
  const word = body.trim().toLowerCase().replace(/[.!¡?¿]+$/g, "").replace(/^[¡¿]+/, "");
  if (stopWords.has(word)) return "stop";
  if (startWords.has(word)) return "start";
  if (helpWords.has(word)) return "help";
  return null;
}
