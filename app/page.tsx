export default function LandingPage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-3xl font-semibold">BioSync</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">Your wearable data turned into energy, sleep and recovery insight.</p>
    </main>
  );
}
