/**
 * Kafka's ACL model: codes and names, CreateAcls validation, DescribeAcls
 * and DeleteAcls filter matching (Kafka's documented MATCH, ANY, LITERAL
 * and PREFIXED semantics), and authorization (DENY over ALLOW, wildcards,
 * prefixes, implied operations, KIP-679's by-resource-type check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AclBinding,
  type AclBindingFilter,
  AclOperation,
  AclPermissionType,
  type AclRequest,
  ANY_ACL_FILTER,
  aclBindingProblem,
  aclCodeFromWire,
  aclCodeName,
  aclFilterProblem,
  authorize,
  authorizeByResourceType,
  authorizeIdempotentWrite,
  matchesFilter,
  PatternType,
  parseAclCodeName,
  ResourceType,
  supportedOperations,
} from "../src/index.js";

const { TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID } = ResourceType;
const { LITERAL, PREFIXED, MATCH, ANY: ANY_PATTERN } = PatternType;
const { ALLOW, DENY } = AclPermissionType;
const Op = AclOperation;

function acl(over: Partial<AclBinding> = {}): AclBinding {
  return {
    resourceType: TOPIC,
    resourceName: "orders",
    patternType: LITERAL,
    principal: "User:alice",
    host: "*",
    operation: Op.READ,
    permissionType: ALLOW,
    ...over,
  };
}

function req(over: Partial<AclRequest> = {}): AclRequest {
  return {
    principal: "User:alice",
    host: "10.0.0.1",
    operation: Op.READ,
    resourceType: TOPIC,
    resourceName: "orders",
    ...over,
  };
}

function filter(over: Partial<AclBindingFilter> = {}): AclBindingFilter {
  return { ...ANY_ACL_FILTER, ...over };
}

describe("codes and names", () => {
  it("are Kafka's wire codes", () => {
    expect([
      TOPIC,
      GROUP,
      CLUSTER,
      TRANSACTIONAL_ID,
      ResourceType.DELEGATION_TOKEN,
      ResourceType.USER,
    ]).toEqual([2, 3, 4, 5, 6, 7]);
    expect([PatternType.UNKNOWN, ANY_PATTERN, MATCH, LITERAL, PREFIXED]).toEqual([0, 1, 2, 3, 4]);
    expect([Op.ALL, Op.READ, Op.DESCRIBE, Op.IDEMPOTENT_WRITE, Op.DESCRIBE_TOKENS]).toEqual([
      2, 3, 8, 12, 14,
    ]);
    expect([AclPermissionType.ANY, DENY, ALLOW]).toEqual([1, 2, 3]);
  });

  it("name every code and parse every name back, ignoring case, - and _", () => {
    for (const codes of [ResourceType, PatternType, AclOperation, AclPermissionType]) {
      for (const [name, code] of Object.entries(codes)) {
        expect(aclCodeName(codes, code)).toBe(name);
        expect(parseAclCodeName(codes, name)).toBe(code);
        expect(parseAclCodeName(codes, name.toLowerCase())).toBe(code);
        expect(aclCodeFromWire(codes, code)).toBe(code);
      }
    }
    expect(parseAclCodeName(AclOperation, "DescribeConfigs")).toBe(Op.DESCRIBE_CONFIGS);
    expect(parseAclCodeName(AclOperation, "describe-configs")).toBe(Op.DESCRIBE_CONFIGS);
    expect(parseAclCodeName(ResourceType, "transactionalId")).toBe(TRANSACTIONAL_ID);
    expect(parseAclCodeName(PatternType, "Prefixed")).toBe(PREFIXED);
    expect(parseAclCodeName(AclPermissionType, "allow")).toBe(ALLOW);
  });

  it("leave unknown names undefined and read unknown wire codes as UNKNOWN", () => {
    expect(parseAclCodeName(AclOperation, "REED")).toBeUndefined();
    expect(parseAclCodeName(AclOperation, "")).toBeUndefined();
    expect(parseAclCodeName(ResourceType, "READ")).toBeUndefined();
    expect(aclCodeFromWire(AclOperation, 99)).toBe(Op.UNKNOWN);
    expect(aclCodeFromWire(ResourceType, -1)).toBe(ResourceType.UNKNOWN);
    expect(aclCodeName(AclOperation, 99)).toBe("UNKNOWN");
  });
});

describe("CreateAcls validation", () => {
  it("accepts concrete bindings, wildcards included", () => {
    for (const good of [
      acl(),
      acl({ patternType: PREFIXED, resourceName: "orders-" }),
      acl({ resourceName: "*", principal: "User:*", permissionType: DENY, operation: Op.ALL }),
      acl({ resourceType: CLUSTER, resourceName: "kafka-cluster", operation: Op.IDEMPOTENT_WRITE }),
      acl({ resourceType: GROUP, resourceName: "billing", host: "192.168.0.7" }),
      // As Kafka's broker: an operation the resource type has no use for is stored (and grants nothing).
      acl({ resourceType: CLUSTER, resourceName: "kafka-cluster", operation: Op.READ }),
    ]) {
      expect(aclBindingProblem(good)).toBeUndefined();
    }
  });

  it.each([
    ["UNKNOWN resource type", { resourceType: ResourceType.UNKNOWN }, /resource type UNKNOWN/],
    ["ANY resource type", { resourceType: ResourceType.ANY }, /resource type ANY/],
    ["a resource type from the future", { resourceType: 42 as ResourceType }, /resource type UNKNOWN \(42\)/],
    ["MATCH pattern", { patternType: MATCH }, /pattern type MATCH .*LITERAL or PREFIXED/],
    ["ANY pattern", { patternType: ANY_PATTERN }, /pattern type ANY/],
    ["UNKNOWN pattern", { patternType: PatternType.UNKNOWN }, /pattern type UNKNOWN/],
    ["ANY operation", { operation: Op.ANY }, /operation ANY/],
    ["UNKNOWN operation", { operation: Op.UNKNOWN }, /operation UNKNOWN/],
    ["ANY permission", { permissionType: AclPermissionType.ANY }, /permission type ANY/],
    ["UNKNOWN permission", { permissionType: AclPermissionType.UNKNOWN }, /permission type UNKNOWN/],
    ["empty resource name", { resourceName: "" }, /resource name is empty/],
    ["another cluster name", { resourceType: CLUSTER, resourceName: "my-cluster" }, /named kafka-cluster/],
    ["principal without a type", { principal: "alice" }, /User:<name>/],
    ["principal with no name", { principal: "User:" }, /User:<name>/],
    ["empty principal", { principal: "" }, /User:<name>/],
    ["another principal type", { principal: "Group:ops" }, /User:<name>/],
    ["empty host", { host: "" }, /host is empty/],
  ])("refuses %s with INVALID_REQUEST", (_, over, message) => {
    const problem = aclBindingProblem(acl(over as Partial<AclBinding>));
    expect(problem?.code).toBe(42);
    expect(problem?.message).toMatch(message);
  });

  it("knows which operations each resource type has a use for, as kafka-acls.sh", () => {
    expect(supportedOperations(CLUSTER)).not.toContain(Op.READ);
    expect(supportedOperations(CLUSTER)).toContain(Op.IDEMPOTENT_WRITE);
    expect([...supportedOperations(TRANSACTIONAL_ID)].sort()).toEqual([Op.WRITE, Op.DESCRIBE].sort());
    expect(supportedOperations(TOPIC)).toHaveLength(8);
    expect(supportedOperations(ResourceType.ANY)).toEqual([]);
  });
});

describe("filter validation", () => {
  it("accepts ANY and MATCH, refuses UNKNOWN in any field", () => {
    expect(aclFilterProblem(ANY_ACL_FILTER)).toBeUndefined();
    expect(aclFilterProblem(filter({ patternType: MATCH, resourceName: "x" }))).toBeUndefined();
    for (const over of [
      { resourceType: ResourceType.UNKNOWN },
      { patternType: PatternType.UNKNOWN },
      { operation: Op.UNKNOWN },
      { permissionType: AclPermissionType.UNKNOWN },
      { operation: 77 as AclOperation },
    ]) {
      expect(aclFilterProblem(filter(over))?.code).toBe(42);
    }
  });
});

describe("filter matching (DescribeAcls, DeleteAcls)", () => {
  // The bindings of Kafka's documentation example for `kafka-acls --list --topic foo`.
  const literalFoo = acl({ resourceName: "foo" });
  const literalWildcard = acl({ resourceName: "*" });
  const prefixF = acl({ resourceName: "f", patternType: PREFIXED });
  const prefixFoo = acl({ resourceName: "foo", patternType: PREFIXED });
  const prefixFooBar = acl({ resourceName: "foobar", patternType: PREFIXED });
  const literalBar = acl({ resourceName: "bar" });
  const groupFoo = acl({ resourceType: GROUP, resourceName: "foo" });
  const all = [literalFoo, literalWildcard, prefixF, prefixFoo, prefixFooBar, literalBar, groupFoo];

  function matching(f: AclBindingFilter): AclBinding[] {
    return all.filter((b) => matchesFilter(b, f));
  }

  it("ANY_ACL_FILTER matches every binding", () => {
    expect(matching(ANY_ACL_FILTER)).toEqual(all);
  });

  it("LITERAL matches literal bindings with exactly that name (not the wildcard)", () => {
    expect(matching(filter({ resourceType: TOPIC, patternType: LITERAL, resourceName: "foo" }))).toEqual([
      literalFoo,
    ]);
    expect(matching(filter({ resourceType: TOPIC, patternType: LITERAL, resourceName: "*" }))).toEqual([
      literalWildcard,
    ]);
  });

  it("PREFIXED matches prefixed bindings with exactly that prefix", () => {
    expect(matching(filter({ resourceType: TOPIC, patternType: PREFIXED, resourceName: "foo" }))).toEqual([
      prefixFoo,
    ]);
  });

  it("ANY matches both pattern types with exactly that name", () => {
    expect(matching(filter({ resourceType: TOPIC, patternType: ANY_PATTERN, resourceName: "foo" }))).toEqual([
      literalFoo,
      prefixFoo,
    ]);
  });

  it("MATCH finds every binding that applies to the resource", () => {
    expect(matching(filter({ resourceType: TOPIC, patternType: MATCH, resourceName: "foo" }))).toEqual([
      literalFoo,
      literalWildcard,
      prefixF,
      prefixFoo,
    ]);
    expect(matching(filter({ resourceType: TOPIC, patternType: MATCH, resourceName: "foobar" }))).toEqual([
      literalWildcard,
      prefixF,
      prefixFoo,
      prefixFooBar,
    ]);
    // With no name, MATCH is a pattern-type wildcard.
    expect(matching(filter({ resourceType: TOPIC, patternType: MATCH }))).toEqual(all.slice(0, 6));
  });

  it("a null name with a concrete pattern type matches every binding of that type", () => {
    expect(matching(filter({ patternType: PREFIXED }))).toEqual([prefixF, prefixFoo, prefixFooBar]);
    expect(matching(filter({ resourceType: GROUP }))).toEqual([groupFoo]);
  });

  it("compares principal and host exactly, and operation and permission unless ANY", () => {
    const b = acl({ principal: "User:*", host: "10.0.0.1", operation: Op.WRITE, permissionType: DENY });
    expect(matchesFilter(b, filter({ principal: "User:*" }))).toBe(true);
    expect(matchesFilter(b, filter({ principal: "User:alice" }))).toBe(false);
    expect(matchesFilter(b, filter({ host: "10.0.0.1" }))).toBe(true);
    expect(matchesFilter(b, filter({ host: "*" }))).toBe(false);
    expect(matchesFilter(b, filter({ operation: Op.WRITE }))).toBe(true);
    // A filter for ALL finds bindings for ALL, not every operation.
    expect(matchesFilter(b, filter({ operation: Op.ALL }))).toBe(false);
    expect(matchesFilter(b, filter({ permissionType: DENY }))).toBe(true);
    expect(matchesFilter(b, filter({ permissionType: ALLOW }))).toBe(false);
  });
});

describe("authorize", () => {
  it("denies with no bindings at all, and with none that match", () => {
    expect(authorize([], req())).toBe(false);
    expect(authorize([acl({ principal: "User:bob" })], req())).toBe(false);
    expect(authorize([acl({ resourceType: GROUP })], req())).toBe(false);
    expect(authorize([acl({ host: "10.0.0.2" })], req())).toBe(false);
    expect(authorize([acl({ resourceName: "orders2" })], req())).toBe(false);
  });

  it.each([
    ["exact literal", acl(), true],
    ["literal wildcard resource", acl({ resourceName: "*" }), true],
    ["prefix of the name", acl({ resourceName: "ord", patternType: PREFIXED }), true],
    ["the whole name as prefix", acl({ resourceName: "orders", patternType: PREFIXED }), true],
    ["longer prefix", acl({ resourceName: "orders-eu", patternType: PREFIXED }), false],
    ["literal that is only a prefix", acl({ resourceName: "ord" }), false],
    ["prefixed * is a prefix, not a wildcard", acl({ resourceName: "*", patternType: PREFIXED }), false],
    ["wildcard principal", acl({ principal: "User:*" }), true],
    ["another principal", acl({ principal: "User:alicia" }), false],
    ["wildcard host", acl({ host: "*" }), true],
    ["the client's host", acl({ host: "10.0.0.1" }), true],
    ["another host", acl({ host: "10.0.0.10" }), false],
  ])("an ALLOW READ binding with %s: %s", (_, binding, allowed) => {
    expect(authorize([binding], req())).toBe(allowed);
  });

  // Which granted operation allows which requested one (Kafka's implied operations).
  const implied: [AclOperation, AclOperation, boolean][] = [
    [Op.ALL, Op.READ, true],
    [Op.ALL, Op.ALTER_CONFIGS, true],
    [Op.ALL, Op.IDEMPOTENT_WRITE, true],
    [Op.READ, Op.DESCRIBE, true],
    [Op.WRITE, Op.DESCRIBE, true],
    [Op.DELETE, Op.DESCRIBE, true],
    [Op.ALTER, Op.DESCRIBE, true],
    [Op.CREATE, Op.DESCRIBE, false],
    [Op.DESCRIBE_CONFIGS, Op.DESCRIBE, false],
    [Op.ALTER_CONFIGS, Op.DESCRIBE, false],
    [Op.ALTER_CONFIGS, Op.DESCRIBE_CONFIGS, true],
    [Op.ALTER, Op.DESCRIBE_CONFIGS, false],
    [Op.DESCRIBE, Op.READ, false],
    [Op.READ, Op.WRITE, false],
    [Op.WRITE, Op.READ, false],
    [Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS, false],
    [Op.WRITE, Op.IDEMPOTENT_WRITE, false],
    [Op.DESCRIBE, Op.DESCRIBE, true],
  ];
  it.each(
    implied.map(
      ([g, w, a]) => [aclCodeName(AclOperation, g), aclCodeName(AclOperation, w), a, g, w] as const,
    ),
  )("ALLOW %s grants %s: %s", (_g, _w, allowed, granted, wanted) => {
    expect(authorize([acl({ operation: granted })], req({ operation: wanted }))).toBe(allowed);
  });

  it.each([
    ["the same operation", Op.READ, Op.READ, false],
    ["ALL", Op.ALL, Op.READ, false],
    ["READ, on DESCRIBE (a DENY implies nothing)", Op.READ, Op.DESCRIBE, true],
    ["ALTER_CONFIGS, on DESCRIBE_CONFIGS", Op.ALTER_CONFIGS, Op.DESCRIBE_CONFIGS, true],
    ["WRITE, on READ", Op.WRITE, Op.READ, true],
  ])("a DENY for %s over ALLOW ALL: allowed %s", (_, denied, wanted, allowed) => {
    const bindings = [acl({ operation: Op.ALL }), acl({ operation: denied, permissionType: DENY })];
    expect(authorize(bindings, req({ operation: wanted as AclOperation }))).toBe(allowed);
    expect(authorize([...bindings].reverse(), req({ operation: wanted as AclOperation }))).toBe(allowed);
  });

  it("DENY wins whatever pattern, principal or host carries it", () => {
    const allow = acl();
    for (const deny of [
      acl({ permissionType: DENY, resourceName: "*" }),
      acl({ permissionType: DENY, resourceName: "or", patternType: PREFIXED }),
      acl({ permissionType: DENY, principal: "User:*" }),
      acl({ permissionType: DENY, host: "10.0.0.1" }),
    ]) {
      expect(authorize([allow, deny], req())).toBe(false);
      expect(authorize([deny, allow], req())).toBe(false);
    }
    // A DENY elsewhere changes nothing.
    expect(authorize([allow, acl({ permissionType: DENY, resourceName: "payments" })], req())).toBe(true);
    expect(authorize([allow, acl({ permissionType: DENY, principal: "User:bob" })], req())).toBe(true);
  });

  it("authorizes the cluster by its one name", () => {
    const bindings = [acl({ resourceType: CLUSTER, resourceName: "kafka-cluster", operation: Op.CREATE })];
    expect(
      authorize(
        bindings,
        req({ resourceType: CLUSTER, resourceName: "kafka-cluster", operation: Op.CREATE }),
      ),
    ).toBe(true);
    expect(authorize(bindings, req({ resourceType: CLUSTER, resourceName: "kafka-cluster" }))).toBe(false);
  });

  it("refuses to answer for ANY or UNKNOWN operations and resource types", () => {
    expect(() => authorize([acl()], req({ operation: Op.ANY }))).toThrow(RangeError);
    expect(() => authorize([acl()], req({ operation: Op.UNKNOWN }))).toThrow(RangeError);
    expect(() => authorize([acl()], req({ resourceType: ResourceType.ANY }))).toThrow(RangeError);
  });

  it("a matching DENY for ALL always wins (property)", () => {
    const names = fc.constantFrom("orders", "orders-eu", "o", "payments", "*");
    const principals = fc.constantFrom("User:alice", "User:bob", "User:*");
    const hosts = fc.constantFrom("10.0.0.1", "10.0.0.2", "*");
    const operations = fc.constantFrom(
      ...Object.values(AclOperation).filter((o) => o !== Op.ANY && o !== Op.UNKNOWN),
    );
    const binding = fc.record({
      resourceType: fc.constantFrom(TOPIC, GROUP),
      resourceName: names,
      patternType: fc.constantFrom(LITERAL, PREFIXED),
      principal: principals,
      host: hosts,
      operation: operations,
      permissionType: fc.constantFrom(ALLOW, DENY),
    });
    const request = fc.record({
      principal: fc.constantFrom("User:alice", "User:bob"),
      host: fc.constantFrom("10.0.0.1", "10.0.0.2"),
      operation: operations,
      resourceType: fc.constantFrom(TOPIC, GROUP),
      resourceName: fc.constantFrom("orders", "orders-eu", "payments"),
    });
    const denyAll = fc.record({
      pattern: fc.constantFrom("exact", "wildcard", "prefix"),
      anyPrincipal: fc.boolean(),
      anyHost: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(binding, { maxLength: 12 }), request, denyAll, fc.nat(), (bindings, r, d, at) => {
        const deny: AclBinding = {
          resourceType: r.resourceType,
          resourceName:
            d.pattern === "exact"
              ? r.resourceName
              : d.pattern === "wildcard"
                ? "*"
                : r.resourceName.slice(0, 1),
          patternType: d.pattern === "prefix" ? PREFIXED : LITERAL,
          principal: d.anyPrincipal ? "User:*" : r.principal,
          host: d.anyHost ? "*" : r.host,
          operation: Op.ALL,
          permissionType: DENY,
        };
        const all: AclBinding[] = [...bindings];
        all.splice(at % (all.length + 1), 0, deny);
        // And an ALLOW that would otherwise grant it.
        all.push({ ...deny, permissionType: ALLOW });
        expect(authorize(all, r)).toBe(false);
        expect(authorize([{ ...deny, permissionType: ALLOW }], r)).toBe(true);
      }),
    );
  });
});

describe("authorizeByResourceType (KIP-679)", () => {
  const write = {
    principal: "User:alice",
    host: "10.0.0.1",
    operation: Op.WRITE,
    resourceType: TOPIC,
  } as const;

  it.each<[string, AclBinding[], boolean]>([
    ["no bindings", [], false],
    ["WRITE on one topic", [acl({ operation: Op.WRITE })], true],
    ["ALL on one prefix", [acl({ operation: Op.ALL, patternType: PREFIXED, resourceName: "o" })], true],
    ["READ only (no implication here)", [acl({ operation: Op.READ })], false],
    ["WRITE on a group", [acl({ operation: Op.WRITE, resourceType: GROUP })], false],
    ["WRITE for another principal", [acl({ operation: Op.WRITE, principal: "User:bob" })], false],
    ["WRITE for everyone", [acl({ operation: Op.WRITE, principal: "User:*" })], true],
    ["WRITE from another host", [acl({ operation: Op.WRITE, host: "10.0.0.2" })], false],
    [
      "the allowed literal denied",
      [acl({ operation: Op.WRITE }), acl({ operation: Op.WRITE, permissionType: DENY })],
      false,
    ],
    [
      "the allowed literal under a denied prefix",
      [
        acl({ operation: Op.WRITE }),
        acl({ operation: Op.ALL, permissionType: DENY, patternType: PREFIXED, resourceName: "ord" }),
      ],
      false,
    ],
    [
      "the allowed prefix under a shorter denied prefix",
      [
        acl({ operation: Op.WRITE, patternType: PREFIXED, resourceName: "orders-" }),
        acl({ operation: Op.WRITE, permissionType: DENY, patternType: PREFIXED, resourceName: "orders" }),
      ],
      false,
    ],
    [
      "the allowed prefix with a longer denied prefix (names outside it remain)",
      [
        acl({ operation: Op.WRITE, patternType: PREFIXED, resourceName: "orders" }),
        acl({ operation: Op.WRITE, permissionType: DENY, patternType: PREFIXED, resourceName: "orders-eu" }),
      ],
      true,
    ],
    [
      "the allowed prefix with the same name denied as a literal",
      [
        acl({ operation: Op.WRITE, patternType: PREFIXED }),
        acl({ operation: Op.WRITE, permissionType: DENY }),
      ],
      true,
    ],
    [
      "one of two allowed topics denied",
      [
        acl({ operation: Op.WRITE }),
        acl({ operation: Op.WRITE, resourceName: "payments" }),
        acl({ operation: Op.WRITE, permissionType: DENY }),
      ],
      true,
    ],
    [
      "a wildcard DENY",
      [
        acl({ operation: Op.WRITE, resourceName: "*" }),
        acl({ operation: Op.ALL, resourceName: "*", permissionType: DENY }),
      ],
      false,
    ],
    [
      "a wildcard ALLOW over literal DENYs",
      [acl({ operation: Op.WRITE, resourceName: "*" }), acl({ operation: Op.WRITE, permissionType: DENY })],
      true,
    ],
  ])("%s: %s", (_, bindings, allowed) => {
    expect(authorizeByResourceType(bindings, write)).toBe(allowed);
  });

  it("lets a producer be idempotent with IDEMPOTENT_WRITE on the cluster or WRITE on any topic", () => {
    const idempotent = acl({
      resourceType: CLUSTER,
      resourceName: "kafka-cluster",
      operation: Op.IDEMPOTENT_WRITE,
    });
    expect(authorizeIdempotentWrite([idempotent], "User:alice", "10.0.0.1")).toBe(true);
    expect(authorizeIdempotentWrite([acl({ operation: Op.WRITE })], "User:alice", "10.0.0.1")).toBe(true);
    expect(authorizeIdempotentWrite([acl({ operation: Op.READ })], "User:alice", "10.0.0.1")).toBe(false);
    expect(authorizeIdempotentWrite([acl({ operation: Op.WRITE })], "User:bob", "10.0.0.1")).toBe(false);
    // Bindings given as a one-shot iterable are read once for both checks.
    function* once() {
      yield acl({ operation: Op.WRITE });
    }
    expect(authorizeIdempotentWrite(once(), "User:alice", "10.0.0.1")).toBe(true);
  });
});
