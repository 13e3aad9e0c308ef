import { createStreamsDouble } from "./streams-double";

// Loaded by the browser test in place of connect-streams-<hash>.js: the page finds `connect` as it
// would find the library; the test drives the double through `streamsDouble`.
const double = createStreamsDouble();
Object.assign(globalThis, { connect: double.streams, streamsDouble: double });
