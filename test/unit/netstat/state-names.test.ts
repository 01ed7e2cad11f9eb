import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalState, NOT_TCP, PROC_STATES, ssFilterState, stateAt, type StateMatch } from "../../../core/netstat/state-names";
import { TCP_STATES } from "../../../core/netstat/types";

describe("canonicalState", () => {
  const cases: [string, StateMatch | undefined][] = [
    // net-tools and BusyBox
    ["ESTABLISHED", "ESTABLISHED"],
    ["SYN_SENT", "SYN_SENT"],
    ["SYN_RECV", "SYN_RECV"],
    ["FIN_WAIT1", "FIN_WAIT1"],
    ["FIN_WAIT2", "FIN_WAIT2"],
    ["TIME_WAIT", "TIME_WAIT"],
    ["CLOSE", "CLOSE"],
    ["CLOSE_WAIT", "CLOSE_WAIT"],
    ["LAST_ACK", "LAST_ACK"],
    ["LISTEN", "LISTEN"],
    ["CLOSING", "CLOSING"],
    ["UNKNOWN", "UNKNOWN"],
    // ss
    ["ESTAB", "ESTABLISHED"],
    ["SYN-SENT", "SYN_SENT"],
    ["SYN-RECV", "SYN_RECV"],
    ["FIN-WAIT-1", "FIN_WAIT1"],
    ["FIN-WAIT-2", "FIN_WAIT2"],
    ["TIME-WAIT", "TIME_WAIT"],
    ["CLOSE-WAIT", "CLOSE_WAIT"],
    ["LAST-ACK", "LAST_ACK"],
    ["UNCONN", NOT_TCP],
    // BSD
    ["SYN_RCVD", "SYN_RECV"],
    ["FIN_WAIT_1", "FIN_WAIT1"],
    ["FIN_WAIT_2", "FIN_WAIT2"],
    ["CLOSED", "CLOSE"],
    // Windows
    ["LISTENING", "LISTEN"],
    ["SYN_RECEIVED", "SYN_RECV"],
    ["DELETE_TCB", "CLOSE"],
    ["BOUND", "CLOSE"],
    // German Windows, and its Ö read in the wrong code page
    ["ABHÖREN", "LISTEN"],
    ["HERGESTELLT", "ESTABLISHED"],
    ["WARTEND", "TIME_WAIT"],
    ["SCHLIESSEN_WARTEN", "CLOSE_WAIT"],
    ["SYN_GESENDET", "SYN_SENT"],
    ["FIN_WARTEN_1", "FIN_WAIT1"],
    ["FIN_WARTEN_2", "FIN_WAIT2"],
    ["SCHLIESSEND", "CLOSING"],
    ["ABH™REN", "LISTEN"],
    ["ABH\u0099REN", "LISTEN"],
    ["ABH\uFFFDREN", "LISTEN"],
    // localized net-tools
    ["VERBUNDEN", "ESTABLISHED"],
    ["ESCUCHAR", "LISTEN"],
    ["ESTABLECIDO", "ESTABLISHED"],
    // hand-typed
    ["TIMEWAIT", "TIME_WAIT"],
    ["time_wait", "TIME_WAIT"],
    [" close_wait ", "CLOSE_WAIT"],
    ["Established", "ESTABLISHED"],
    ["NEW_SYN_RECV", "SYN_RECV"],
    // not states
    ["", undefined],
    ["LISTENER", undefined],
    ["ABHREN", undefined],
    ["CONNECTED", undefined],
    ["ESCUCHANDO", undefined],
    ["ÉCOUTE", undefined],
  ];
  for (const [name, expected] of cases) it(`${JSON.stringify(name)} → ${expected}`, () => assert.equal(canonicalState(name), expected));
});

describe("stateAt", () => {
  it("reads the state in place, between offsets", () => {
    const line = "tcp        0      0 127.0.0.1:47311         127.0.0.1:46350         CLOSE_WAIT  31064/node";
    const at = line.indexOf("CLOSE_WAIT");
    assert.equal(stateAt(line, at, at + 10), "CLOSE_WAIT");
    assert.equal(stateAt(line, at, at + 5), "CLOSE");
    assert.equal(stateAt(line, at, at + 9), undefined);
  });

  it("agrees with canonicalState for every spelling and its lower case", () => {
    for (const name of ["ESTABLISHED", "TIME-WAIT", "syn_rcvd", "ABHÖREN", "Listening", "UNCONN", "nonsense", "x"]) {
      const line = `  ${name}  `;
      assert.equal(stateAt(line, 2, 2 + name.length), canonicalState(name), name);
    }
  });

  it("rejects empty and overlong words", () => {
    assert.equal(stateAt("LISTEN", 3, 3), undefined);
    assert.equal(stateAt("X".repeat(100), 0, 100), undefined);
  });
});

describe("PROC_STATES", () => {
  it("maps /proc codes 01..0B to the kernel's states and 0C (NEW_SYN_RECV) to SYN_RECV", () => {
    assert.deepEqual(PROC_STATES.slice(1, 12), TCP_STATES.slice(0, 11));
    assert.equal(PROC_STATES[0x0c], "SYN_RECV");
    assert.equal(PROC_STATES[0], undefined);
    assert.equal(PROC_STATES[0x0d], undefined);
  });
});

describe("ssFilterState", () => {
  const cases: [string, string | undefined][] = [
    ["time-wait", "TIME_WAIT"],
    ["established", "ESTABLISHED"],
    ["syn-recv", "SYN_RECV"],
    ["fin-wait-1", "FIN_WAIT1"],
    ["fin-wait-2", "FIN_WAIT2"],
    ["close-wait", "CLOSE_WAIT"],
    ["last-ack", "LAST_ACK"],
    ["listening", "LISTEN"],
    ["closed", "CLOSE"],
    ["closing", "CLOSING"],
    ["connected", undefined],
    ["synchronized", undefined],
    ["all", undefined],
  ];
  for (const [word, expected] of cases) it(`state ${word} → ${expected}`, () => assert.equal(ssFilterState(word), expected));
});

describe("TCP_STATES", () => {
  it("lists the display order with UNKNOWN last", () => {
    assert.deepEqual(TCP_STATES, ["ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "UNKNOWN"]);
  });
});
