// Benchmarks arrive with the retention and footage issues; see docs/benchmarks.md.
console.log(
  'No benchmarks are defined yet: the purge, today-list and footage benchmarks come with the retention and footage work.',
);
