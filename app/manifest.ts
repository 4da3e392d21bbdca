import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): name, colours and home-screen icons (drawn by scripts/make-icons.mjs). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "BioSync",
    short_name: "BioSync",
    description: "Your wearable data turned into energy, sleep and recovery insight.",
    start_url: "/dashboard",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#059669",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
