import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readByThisMachine } from "../../server/file-set";

describe("readByThisMachine", () => {
  it("is true for the files this machine's sysctl --system reads, not for copies in a workspace", () => {
    for (const uri of ["file:///etc/sysctl.conf", "file:///etc/sysctl.d/99-tuning.conf", "file:///usr/lib/sysctl.d/50-default.conf", "file:///run/sysctl.d/x.conf"]) {
      assert.equal(readByThisMachine(uri), true, uri);
    }
    for (const uri of ["file:///home/me/hosts/web1/etc/sysctl.d/99-tuning.conf", "file:///home/me/sysctl.d/a.conf", "file:///etc/other.conf", "untitled:Untitled-1"]) {
      assert.equal(readByThisMachine(uri), false, uri);
    }
  });
});
