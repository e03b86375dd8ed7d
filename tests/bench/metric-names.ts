// Every metric name in one place: `<area>.<what>.<size>`. The ones the issue fixes are kept verbatim.

export const seedMetrics = (size: string) => ({
  bulkAdd: `seed.bulkadd_ms.${size}`,
  generate: `seed.generate_ms.${size}`,
  total: `seed.total_ms.${size}`,
  storage: `seed.storage_mb.${size}`,
});

export const startupMetrics = (size: string) => ({
  interactive: `startup.interactive_ms.${size}`,
  firstLoad: `startup.first_load_ms.${size}`,
  maxTask: `startup.max_task_ms.${size}`,
});

export const searchMetrics = (size: string) => ({
  p50: `search.p50_ms.${size}`,
  p95: `search.p95_ms.${size}`,
  maxTask: `search.max_task_ms.${size}`,
  indexBuild: `search.index_build_ms.${size}`,
  indexLoad: `search.index_load_ms.${size}`,
  keystrokes: `search.keystrokes.${size}`,
  /** Keystrokes answered only by a later keystroke's results. */
  superseded: `search.superseded_keystrokes.${size}`,
  /** Queries the box did not hold in full after typing: keystrokes lost. */
  garbled: `search.garbled_queries.${size}`,
});

export const naiveFuseMetrics = (size: string) => ({
  p50: `search.naive_fuse_p50_ms.${size}`,
  p95: `search.naive_fuse_p95_ms.${size}`,
  build: `search.naive_fuse_build_ms.${size}`,
  load: `search.naive_fuse_load_ms.${size}`,
});

export const heapMetrics = (size: string) => ({
  total: `heap.mb.${size}`,
  main: `heap.main_mb.${size}`,
  workers: `heap.workers_mb.${size}`,
});

export const importMetrics = (size: string) => ({
  total: `import.ms.${size}`,
  raw: `import.raw_bulkadd_ms.${size}`,
  rawAll: `import.raw_all_records_bulkadd_ms.${size}`,
  ratioToResponses: `import.ratio_to_raw_responses_only.${size}`,
  preview: `import.preview_ms.${size}`,
  ratio: `import.ratio_to_raw.${size}`,
  maxTask: `import.max_task_ms.${size}`,
  fileMb: `import.file_mb.${size}`,
});

export const boardMetrics = (size: string) => ({
  open: `board.open_ms.${size}`,
  dragMaxTask: `board.drag_max_task_ms.${size}`,
  /** The baseline: the round's cards and buckets read straight from IndexedDB. */
  rawRead: `board.raw_read_ms.${size}`,
  ratio: `board.open_ratio_to_raw.${size}`,
  /** Mouse drags completed while measuring, each landing a card in a bucket. */
  drags: `board.drags.${size}`,
});

export const surveyResultsMetrics = (size: string) => ({
  /** The longest main-thread task from opening a survey's results to the end of scrolling through them. */
  maxTask: `survey.results_max_task_ms.${size}`,
  /** Navigation to the first result card on screen. */
  firstCard: `survey.results_first_card_ms.${size}`,
  /** Result cards the screen holds (drawn as they scroll into view). */
  cards: `survey.results_cards.${size}`,
});

export const workshopMetrics = (size: string) => ({
  /** A move or vote on one participant's device until each other device shows it (the name). */
  syncP95: `workshop.sync_p95_ms.${size}`,
  syncP50: `workshop.sync_p50_ms.${size}`,
  syncMax: `workshop.sync_max_ms.${size}`,
  /** The workshop server process's resident memory at the end of the run (the name). */
  serverMb: `workshop.server_mb.${size}`,
  serverHeapMb: `workshop.server_heap_mb.${size}`,
  /** CPU time (user + system) the server process spent during the measured moves and votes. */
  serverCpuMs: `workshop.server_cpu_ms.${size}`,
  /** Deliveries measured: each change times each other participant. */
  deliveries: `workshop.deliveries.${size}`,
  /**
   * A dot added or taken back on one of the two Chromium participant pages (the click in the page)
   * until the facilitator's screen shows that person as voted or not: the panel asks the server
   * once a second, as the app does, so this includes that wait.
   */
  browserVoteToFacilitatorP95: `workshop.browser_vote_to_facilitator_p95_ms.${size}`,
  browserVoteToFacilitatorP50: `workshop.browser_vote_to_facilitator_p50_ms.${size}`,
  /** The same votes until the server's state first shows them (asked back to back): the part that is not the panel's wait. */
  browserVoteToServerStateP95: `workshop.browser_vote_to_server_state_p95_ms.${size}`,
  /** Votes measured on the Chromium pages. */
  browserVotes: `workshop.browser_votes.${size}`,
});

export const syncMetrics = (size: string) => ({
  /** A new teammate's first full sync of the workspace (the name). */
  firstSync: `sync.first_sync_ms.${size}`,
  /** Restoring the same workspace from a backup file in the same page: the baseline. */
  restore: `sync.restore_ms.${size}`,
  /** First sync over restore (the name; the goal is at most 1). */
  ratio: `sync.first_sync_ratio_to_restore.${size}`,
  /** The team server process's resident memory with every client connected (the name). */
  serverMb: `sync.server_mb.${size}`,
  /** The team's stored state: every document's encoded size. */
  docsMb: `sync.docs_mb.${size}`,
  /** The largest single document (one message carries it on a first sync; the server takes at most 8 MB per message). */
  largestDocMb: `sync.largest_doc_mb.${size}`,
});

export const syncEditMetrics = (clients: number) => ({
  /** An edit on one client visible in another's table, p95 on loopback (the name). */
  p95: `sync.edit_p95_ms.${clients}_clients`,
  p50: `sync.edit_p50_ms.${clients}_clients`,
  max: `sync.edit_max_ms.${clients}_clients`,
  deliveries: `sync.edit_deliveries.${clients}_clients`,
});
