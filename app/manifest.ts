import type { MetadataRoute } from "next";

// Installable on a phone's home screen (decision 012). One name in both languages: the product's.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Confirma",
    short_name: "Confirma",
    description: "Verifica con calma que tu familia está bien. · Verify your family is safe, calmly.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#0b5a4a",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
