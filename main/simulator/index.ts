// The VPS.org simulator: what demo mode, tests, the end-to-end harness and benchmarks use.
export { startSimulator, API_PREFIX } from './simulator';
export type { Fault, FaultFlags, FaultMatch, RecordedRequest, Simulator, SimulatorOptions } from './simulator';
export { PLANS, OPERATING_SYSTEMS, LOCATIONS, TRANSITION_SECONDS } from './state';
export type { CatalogPlan, CatalogOs, CatalogLocation, DetailView, ListView } from './state';
export { LIST_ENVELOPES, ODD_KINDS, WRITE_ANSWERS, oddKindOf } from './shapes';
export type { AnswerShapes, ListEnvelope, OddKind, WriteAnswers } from './shapes';
