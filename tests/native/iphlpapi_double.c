// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

/* Test double of the IP Helper neighbor API. Behaviour follows the Windows
 * documentation (see docs/windows-api.md): codes 0, 2, 5, 50, 87,
 * 1168 and 5010; Create always makes a Permanent entry. Every call is counted;
 * a fault set for a function makes each call of it return that code, changing
 * nothing. */
#include "iphlpapi_double.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(DBL_SOCKADDR_INET) == 28, "SOCKADDR_INET size");
_Static_assert(sizeof(DBL_MIB_IPNET_ROW2) == 88, "MIB_IPNET_ROW2 size");
_Static_assert(offsetof(DBL_MIB_IPNET_ROW2, InterfaceIndex) == 28, "InterfaceIndex");
_Static_assert(offsetof(DBL_MIB_IPNET_ROW2, InterfaceLuid) == 32, "InterfaceLuid");
_Static_assert(offsetof(DBL_MIB_IPNET_ROW2, PhysicalAddress) == 40, "PhysicalAddress");
_Static_assert(offsetof(DBL_MIB_IPNET_ROW2, PhysicalAddressLength) == 72, "PhysicalAddressLength");
_Static_assert(offsetof(DBL_MIB_IPNET_ROW2, State) == 76, "State");
_Static_assert(offsetof(DBL_MIB_IPNET_ROW2, Flags) == 80, "Flags");
_Static_assert(offsetof(DBL_MIB_IPNET_ROW2, ReachabilityTime) == 84, "ReachabilityTime");
_Static_assert(offsetof(DBL_MIB_IPNET_TABLE2, Table) == 8, "Table");
_Static_assert(sizeof(DBL_MIB_IF_ROW2) == 1352, "MIB_IF_ROW2 size");
_Static_assert(offsetof(DBL_MIB_IF_ROW2, InterfaceIndex) == 8, "MIB_IF_ROW2.InterfaceIndex");
_Static_assert(offsetof(DBL_MIB_IF_ROW2, PhysicalAddressLength) == 1056, "MIB_IF_ROW2.PhysicalAddressLength");

enum {
    OK = 0,
    FILE_NOT_FOUND = 2,
    NOT_ENOUGH_MEMORY = 8,
    NOT_SUPPORTED = 50,
    INVALID_PARAMETER = 87,
    BAD_NET_NAME = 67,
    NOT_FOUND = 1168,
    ALREADY_EXISTS = 5010,
};

#define MAX_INTERFACES 64
#define ALIAS_CHARS 257

typedef struct {
    uint32_t index;
    uint64_t luid;
    uint16_t alias[ALIAS_CHARS];
    int ipv4, ipv6;
    uint32_t link_length; /* the link-layer address length: 6 on Ethernet, 0 on loopback */
} Interface;

static const char *const FUNCTIONS[] = {
    "GetIpNetEntry2", "GetIpNetTable2", "FreeMibTable", "CreateIpNetEntry2",
    "SetIpNetEntry2", "DeleteIpNetEntry2", "ConvertInterfaceAliasToLuid",
    "ConvertInterfaceIndexToLuid", "ConvertInterfaceLuidToIndex", "ConvertInterfaceLuidToAlias",
    "GetIfEntry2", "ResolveIpNetEntry2",
};
enum {
    F_GET, F_TABLE, F_FREE, F_CREATE, F_SET, F_DELETE, F_ALIAS_TO_LUID,
    F_INDEX_TO_LUID, F_LUID_TO_INDEX, F_LUID_TO_ALIAS, F_IF_ENTRY, F_RESOLVE, F_COUNT
};

static Interface interfaces[MAX_INTERFACES];
static int interface_count;
static DBL_MIB_IPNET_ROW2 *neighbors;
static uint32_t neighbor_count, neighbor_capacity;
/* Open-addressing index over neighbors (slot holds position + 1, 0 = empty),
 * so a lookup costs the same in a table of 10 000 rows as in one of 10. */
static uint32_t *slots;
static uint32_t slot_count;
static uint64_t calls[F_COUNT];
static uint32_t faults[F_COUNT];
static int set_promotes_dynamic = 1, stack_ipv4 = 1, stack_ipv6 = 1;
static int created_state = DBL_PERMANENT, race_learn, resolve_leaves_unreachable;
/* Who answers ARP/NS: address, interface index, MAC (and router flag) of each neighbor on the wire. */
#define MAX_ANSWERS 256
static DBL_MIB_IPNET_ROW2 answers[MAX_ANSWERS];
static uint32_t answer_count;
static int race_pin, race_expire, relearn; /* flush races: see dbl_set_option */
static uint64_t faults_after; /* a fault answers only calls after this many of its function */
static int tables_outstanding;

static int function_id(const char *name) {
    for (int i = 0; i < F_COUNT; i++)
        if (strcmp(FUNCTIONS[i], name) == 0)
            return i;
    return -1;
}

/* Counts the call; non-zero when a fault is set for it. */
static uint32_t enter(int f) {
    calls[f]++;
    return calls[f] > faults_after ? faults[f] : 0;
}

static Interface *by_luid(uint64_t luid) {
    for (int i = 0; i < interface_count; i++)
        if (interfaces[i].luid == luid)
            return &interfaces[i];
    return NULL;
}

static Interface *by_index(uint32_t index) {
    for (int i = 0; i < interface_count; i++)
        if (interfaces[i].index == index)
            return &interfaces[i];
    return NULL;
}

static const uint8_t *address_bytes(const DBL_MIB_IPNET_ROW2 *row, size_t *length) {
    if (row->Address.si_family == DBL_AF_INET) {
        *length = 4;
        return row->Address.Ipv4.sin_addr;
    }
    *length = 16;
    return row->Address.Ipv6.sin6_addr;
}

static int is_zero(const uint8_t *bytes, size_t length) {
    for (size_t i = 0; i < length; i++)
        if (bytes[i])
            return 0;
    return 1;
}

/* The checks every row-taking call makes: family, address, interface. */
static uint32_t check_row(const DBL_MIB_IPNET_ROW2 *row, Interface **iface) {
    uint16_t family = row->Address.si_family;
    if (family != DBL_AF_INET && family != DBL_AF_INET6)
        return INVALID_PARAMETER;
    if ((family == DBL_AF_INET && !stack_ipv4) || (family == DBL_AF_INET6 && !stack_ipv6))
        return NOT_SUPPORTED;
    size_t length;
    const uint8_t *a = address_bytes(row, &length);
    if (is_zero(a, length))
        return INVALID_PARAMETER;
    if (family == DBL_AF_INET && a[0] == 127)
        return INVALID_PARAMETER;
    if (family == DBL_AF_INET6 && is_zero(a, 15) && a[15] == 1)
        return INVALID_PARAMETER;
    if (row->InterfaceLuid == 0 && row->InterfaceIndex == 0)
        return INVALID_PARAMETER;
    *iface = row->InterfaceLuid ? by_luid(row->InterfaceLuid) : by_index(row->InterfaceIndex);
    if (*iface == NULL)
        return NOT_FOUND;
    if ((family == DBL_AF_INET && !(*iface)->ipv4) || (family == DBL_AF_INET6 && !(*iface)->ipv6))
        return NOT_FOUND;
    return OK;
}

static uint64_t key_hash(uint32_t if_index, const DBL_MIB_IPNET_ROW2 *row) {
    size_t length;
    const uint8_t *a = address_bytes(row, &length);
    uint64_t h = 1469598103934665603ULL ^ if_index ^ ((uint64_t)row->Address.si_family << 32);
    for (size_t i = 0; i < length; i++)
        h = (h ^ a[i]) * 1099511628211ULL;
    return h;
}

static int same_key(const DBL_MIB_IPNET_ROW2 *n, uint32_t if_index, const DBL_MIB_IPNET_ROW2 *row) {
    size_t length, n_length;
    const uint8_t *a = address_bytes(row, &length);
    return n->InterfaceIndex == if_index && n->Address.si_family == row->Address.si_family
        && memcmp(address_bytes(n, &n_length), a, length) == 0;
}

/* The slot holding the entry keyed like row on if_index, or the empty slot where it would go. */
static uint32_t probe(uint32_t if_index, const DBL_MIB_IPNET_ROW2 *row) {
    uint32_t mask = slot_count - 1, s = (uint32_t)key_hash(if_index, row) & mask;
    while (slots[s] && !same_key(&neighbors[slots[s] - 1], if_index, row))
        s = (s + 1) & mask;
    return s;
}

static void reindex(void) {
    free(slots);
    slot_count = 64;
    while (slot_count < 2 * neighbor_capacity)
        slot_count *= 2;
    slots = calloc(slot_count, sizeof *slots);
    for (uint32_t i = 0; i < neighbor_count; i++)
        slots[probe(neighbors[i].InterfaceIndex, &neighbors[i])] = i + 1;
}

static int find(const DBL_MIB_IPNET_ROW2 *row, const Interface *iface) {
    if (!slot_count)
        return -1;
    uint32_t s = probe(iface->index, row);
    return slots[s] ? (int)slots[s] - 1 : -1;
}

/* Empties slot s, shifting later slots of the probe chain back (no tombstones). */
static void unindex(uint32_t s) {
    uint32_t mask = slot_count - 1, j = s;
    slots[s] = 0;
    for (;;) {
        j = (j + 1) & mask;
        if (!slots[j])
            return;
        const DBL_MIB_IPNET_ROW2 *n = &neighbors[slots[j] - 1];
        uint32_t home = (uint32_t)key_hash(n->InterfaceIndex, n) & mask;
        int stays = s <= j ? (s < home && home <= j) : (s < home || home <= j);
        if (!stays) {
            slots[s] = slots[j];
            slots[j] = 0;
            s = j;
        }
    }
}

/* Removes entry i; the last entry moves into its place. */
static void remove_at(uint32_t i) {
    uint32_t last = neighbor_count - 1;
    unindex(probe(neighbors[i].InterfaceIndex, &neighbors[i]));
    if (i != last) {
        slots[probe(neighbors[last].InterfaceIndex, &neighbors[last])] = i + 1;
        neighbors[i] = neighbors[last];
    }
    neighbor_count--;
}

/* Stores a copy of row, keyed by family, address and interface. */
static void append(const DBL_MIB_IPNET_ROW2 *row, const Interface *iface) {
    if (neighbor_count == neighbor_capacity) {
        neighbor_capacity = neighbor_capacity ? neighbor_capacity * 2 : 64;
        neighbors = realloc(neighbors, neighbor_capacity * sizeof *neighbors);
        reindex();
    }
    DBL_MIB_IPNET_ROW2 *n = &neighbors[neighbor_count++];
    memset(n, 0, sizeof *n);
    size_t length;
    const uint8_t *a = address_bytes(row, &length);
    n->Address.si_family = row->Address.si_family;
    memcpy((uint8_t *)address_bytes(n, &length), a, length);
    n->InterfaceIndex = iface->index;
    n->InterfaceLuid = iface->luid;
    memcpy(n->PhysicalAddress, row->PhysicalAddress, sizeof n->PhysicalAddress);
    n->PhysicalAddressLength = row->PhysicalAddressLength;
    n->State = row->State;
    n->Flags = row->Flags;
    slots[probe(n->InterfaceIndex, n)] = neighbor_count;
}

static uint32_t check_mac(const DBL_MIB_IPNET_ROW2 *row) {
    return row->PhysicalAddressLength == 0 || row->PhysicalAddressLength > 32 ? INVALID_PARAMETER : OK;
}

/* Windows refuses a physical address whose length is not the link's. */
static uint32_t check_link(const DBL_MIB_IPNET_ROW2 *row, const Interface *iface) {
    return iface->link_length && row->PhysicalAddressLength != iface->link_length ? INVALID_PARAMETER : OK;
}

/* What Get, Set and Delete share: count the call, check the row (and its MAC
 * when asked), find the entry. OK with *index and *iface set, or the code to return. */
static uint32_t locate(int f, const DBL_MIB_IPNET_ROW2 *row, int with_mac, int *index, Interface **iface) {
    uint32_t code = enter(f);
    if (code || (code = check_row(row, iface)) || (with_mac && (code = check_mac(row))))
        return code;
    *index = find(row, *iface);
    return *index < 0 ? NOT_FOUND : OK;
}

uint32_t GetIpNetEntry2(DBL_MIB_IPNET_ROW2 *row) {
    int i;
    Interface *iface;
    uint32_t code = locate(F_GET, row, 0, &i, &iface);
    if (code == OK && race_pin && neighbors[i].State != DBL_PERMANENT) {
        race_pin = 0; /* another tool pins the entry just before this read */
        neighbors[i].State = DBL_PERMANENT;
    }
    if (code == OK)
        *row = neighbors[i];
    return code;
}

uint32_t GetIpNetTable2(uint16_t family, DBL_MIB_IPNET_TABLE2 **table) {
    uint32_t code = enter(F_TABLE);
    if (code)
        return code;
    if (family != DBL_AF_UNSPEC && family != DBL_AF_INET && family != DBL_AF_INET6)
        return INVALID_PARAMETER;
    if ((family == DBL_AF_INET && !stack_ipv4) || (family == DBL_AF_INET6 && !stack_ipv6))
        return NOT_SUPPORTED;
    *table = NULL;
    DBL_MIB_IPNET_TABLE2 *t = calloc(1, sizeof *t + (size_t)neighbor_count * sizeof(DBL_MIB_IPNET_ROW2));
    for (uint32_t i = 0; i < neighbor_count; i++)
        if (family == DBL_AF_UNSPEC || neighbors[i].Address.si_family == family)
            t->Table[t->NumEntries++] = neighbors[i];
    /* Windows: "the call succeeded but there was no data to return", and no table. */
    if (t->NumEntries == 0) {
        free(t);
        return NOT_FOUND;
    }
    tables_outstanding++;
    *table = t;
    return OK;
}

void FreeMibTable(void *memory) {
    enter(F_FREE);
    if (memory) {
        tables_outstanding--;
        free(memory);
    }
}

/* Switch race_learn: ARP/ND learns the address between the caller's read and
 * this create (CreateIpNetEntry2's, or the active part of MSFT_NetNeighbor.Create's). */
void dbl_race_learn(const DBL_MIB_IPNET_ROW2 *row) {
    Interface *iface = by_index(row->InterfaceIndex);
    if (!race_learn || !iface)
        return;
    race_learn = 0;
    DBL_MIB_IPNET_ROW2 learned = *row;
    learned.State = 5; /* Reachable */
    learned.PhysicalAddress[5] ^= 0xFF;
    if (find(row, iface) < 0)
        append(&learned, iface);
}

uint32_t CreateIpNetEntry2(const DBL_MIB_IPNET_ROW2 *row) {
    uint32_t code = enter(F_CREATE);
    Interface *iface;
    if (code || (code = check_row(row, &iface)) || (code = check_mac(row)) || (code = check_link(row, iface)))
        return code;
    dbl_race_learn(row);
    if (find(row, iface) >= 0)
        return ALREADY_EXISTS;
    append(row, iface);
    neighbors[neighbor_count - 1].State = created_state; /* Permanent, whatever State says */
    return OK;
}

uint32_t SetIpNetEntry2(DBL_MIB_IPNET_ROW2 *row) {
    int i;
    Interface *iface;
    uint32_t code = locate(F_SET, row, 1, &i, &iface);
    if (code == OK)
        code = check_link(row, iface);
    if (code != OK)
        return code;
    DBL_MIB_IPNET_ROW2 *n = &neighbors[i];
    memcpy(n->PhysicalAddress, row->PhysicalAddress, sizeof n->PhysicalAddress);
    n->PhysicalAddressLength = row->PhysicalAddressLength;
    /* The row's flags are taken as given: a row built with Flags = 0 clears IsRouter. */
    n->Flags = row->Flags;
    if (set_promotes_dynamic)
        n->State = DBL_PERMANENT;
    return OK;
}

uint32_t DeleteIpNetEntry2(const DBL_MIB_IPNET_ROW2 *row) {
    int i;
    Interface *iface;
    uint32_t code = locate(F_DELETE, row, 0, &i, &iface);
    if (code == OK && race_expire) {
        race_expire = 0; /* ARP/ND aged the entry out just before this delete */
        remove_at((uint32_t)i);
        return NOT_FOUND;
    }
    if (code == OK && relearn) {
        relearn = 0; /* the next packet from the neighbor: ARP/ND learns it again at once */
        DBL_MIB_IPNET_ROW2 learned = neighbors[i];
        remove_at((uint32_t)i);
        learned.State = 5; /* Reachable */
        learned.PhysicalAddress[5] ^= 0xFF;
        append(&learned, iface);
        return OK;
    }
    if (code == OK)
        remove_at((uint32_t)i);
    return code;
}

static int alias_equal(const uint16_t *a, const uint16_t *b) {
    for (;; a++, b++) {
        if (*a != *b)
            return 0;
        if (*a == 0)
            return 1;
    }
}

uint32_t ConvertInterfaceAliasToLuid(const uint16_t *alias, uint64_t *luid) {
    uint32_t code = enter(F_ALIAS_TO_LUID);
    if (code)
        return code;
    if (alias == NULL || luid == NULL)
        return INVALID_PARAMETER;
    *luid = 0;
    for (int i = 0; i < interface_count; i++)
        if (alias_equal(interfaces[i].alias, alias)) {
            *luid = interfaces[i].luid;
            return OK;
        }
    return INVALID_PARAMETER; /* documented answer for an alias that is not there */
}

uint32_t ConvertInterfaceIndexToLuid(uint32_t index, uint64_t *luid) {
    uint32_t code = enter(F_INDEX_TO_LUID);
    if (code)
        return code;
    if (luid == NULL)
        return INVALID_PARAMETER;
    *luid = 0;
    Interface *iface = by_index(index);
    if (iface == NULL)
        return FILE_NOT_FOUND;
    *luid = iface->luid;
    return OK;
}

uint32_t ConvertInterfaceLuidToIndex(const uint64_t *luid, uint32_t *index) {
    uint32_t code = enter(F_LUID_TO_INDEX);
    if (code)
        return code;
    if (luid == NULL || index == NULL)
        return INVALID_PARAMETER;
    Interface *iface = by_luid(*luid);
    if (iface == NULL)
        return FILE_NOT_FOUND;
    *index = iface->index;
    return OK;
}

uint32_t ConvertInterfaceLuidToAlias(const uint64_t *luid, uint16_t *alias, uint64_t length) {
    uint32_t code = enter(F_LUID_TO_ALIAS);
    if (code)
        return code;
    if (luid == NULL || alias == NULL || length == 0)
        return INVALID_PARAMETER;
    Interface *iface = by_luid(*luid);
    if (iface == NULL)
        return FILE_NOT_FOUND;
    size_t n = 0;
    while (iface->alias[n])
        n++;
    if (n + 1 > length)
        return NOT_ENOUGH_MEMORY;
    memcpy(alias, iface->alias, (n + 1) * sizeof *alias);
    return OK;
}

/* ---- test control ---- */

void dbl_reset(void) {
    interface_count = 0;
    neighbor_count = 0;
    if (slot_count)
        reindex();
    memset(calls, 0, sizeof calls);
    memset(faults, 0, sizeof faults);
    set_promotes_dynamic = stack_ipv4 = stack_ipv6 = 1;
    created_state = DBL_PERMANENT;
    race_learn = race_pin = race_expire = relearn = 0;
    faults_after = 0;
    resolve_leaves_unreachable = 0;
    answer_count = 0;
    persistent_reset();
}

/* UTF-8 to UTF-16, for aliases such as "Ethernet 2" or "Ethernet-Verbindung ä". */
static int utf16_from_utf8(uint16_t *out, size_t capacity, const char *in) {
    const unsigned char *s = (const unsigned char *)in;
    size_t n = 0;
    while (*s) {
        uint32_t cp;
        int extra;
        if (*s < 0x80) { cp = *s; extra = 0; }
        else if ((*s & 0xE0) == 0xC0) { cp = *s & 0x1F; extra = 1; }
        else if ((*s & 0xF0) == 0xE0) { cp = *s & 0x0F; extra = 2; }
        else if ((*s & 0xF8) == 0xF0) { cp = *s & 0x07; extra = 3; }
        else return -1;
        s++;
        for (int k = 0; k < extra; k++, s++) {
            if ((*s & 0xC0) != 0x80)
                return -1;
            cp = (cp << 6) | (*s & 0x3F);
        }
        if (cp >= 0x10000) {
            if (n + 2 >= capacity)
                return -1;
            cp -= 0x10000;
            out[n++] = (uint16_t)(0xD800 | (cp >> 10));
            out[n++] = (uint16_t)(0xDC00 | (cp & 0x3FF));
        } else {
            if (n + 1 >= capacity)
                return -1;
            out[n++] = (uint16_t)cp;
        }
    }
    out[n] = 0;
    return 0;
}

int dbl_add_interface(uint32_t index, uint64_t luid, const char *alias_utf8, int ipv4, int ipv6) {
    if (interface_count == MAX_INTERFACES || index == 0 || luid == 0 || by_index(index) || by_luid(luid))
        return -1;
    Interface *iface = &interfaces[interface_count];
    if (utf16_from_utf8(iface->alias, ALIAS_CHARS, alias_utf8) != 0)
        return -1;
    iface->index = index;
    iface->luid = luid;
    iface->ipv4 = ipv4;
    iface->ipv6 = ipv6;
    iface->link_length = 6;
    interface_count++;
    return 0;
}

int dbl_interface_exists(uint32_t index) {
    return by_index(index) != NULL;
}

/* Removes entry i as ARP/ND or a reboot would; not counted. */
void dbl_remove_neighbor(uint32_t i) {
    if (i < neighbor_count)
        remove_at(i);
}

int dbl_set_link_length(uint32_t index, uint32_t length) {
    Interface *iface = by_index(index);
    if (iface == NULL || length > 32)
        return -1;
    iface->link_length = length;
    return 0;
}

/* Fills the row of the interface its LUID (else its index) names. */
uint32_t GetIfEntry2(DBL_MIB_IF_ROW2 *row) {
    uint32_t code = enter(F_IF_ENTRY);
    if (code)
        return code;
    if (row == NULL)
        return INVALID_PARAMETER;
    const Interface *iface = row->InterfaceLuid ? by_luid(row->InterfaceLuid) : by_index(row->InterfaceIndex);
    if (iface == NULL)
        return FILE_NOT_FOUND;
    memset(row, 0, sizeof *row);
    row->InterfaceLuid = iface->luid;
    row->InterfaceIndex = iface->index;
    row->PhysicalAddressLength = iface->link_length;
    return OK;
}

/* Adds an entry in any state, as ARP/ND would; not counted. */
uint32_t dbl_add_neighbor(const DBL_MIB_IPNET_ROW2 *row) {
    Interface *iface;
    uint32_t code = check_row(row, &iface);
    if (code)
        return code;
    if (find(row, iface) >= 0)
        return ALREADY_EXISTS;
    append(row, iface);
    return OK;
}

uint32_t dbl_neighbor_count(void) {
    return neighbor_count;
}

int dbl_get_neighbor(uint32_t i, DBL_MIB_IPNET_ROW2 *out) {
    if (i >= neighbor_count)
        return -1;
    *out = neighbors[i];
    return 0;
}

/* code 0 clears the fault; -1 for a function the double does not have. */
int dbl_set_fault(const char *function, uint32_t code) {
    int f = function_id(function);
    if (f < 0)
        return persistent_set_fault(function, code);
    faults[f] = code;
    return 0;
}

/* UINT64_MAX for a function the double does not have. */
/* Every name dbl_calls counts, the IP Helper functions then the CIM operations; NULL past the last. */
const char *dbl_counted(uint32_t i) {
    return i < F_COUNT ? FUNCTIONS[i] : persistent_operation(i - F_COUNT);
}

uint64_t dbl_calls(const char *function) {
    int f = function_id(function);
    return f >= 0 ? calls[f] : persistent_calls(function);
}

void dbl_reset_counters(void) {
    memset(calls, 0, sizeof calls);
    persistent_reset_counters();
}

uint64_t dbl_mutations(void) {
    return calls[F_CREATE] + calls[F_SET] + calls[F_DELETE] + persistent_mutations();
}

/* set_promotes_dynamic: Set on a dynamic entry makes it Permanent (1) or only
 * changes its MAC (0); ipv4, ipv6: the stack is there (1) or not (0);
 * created_state: the state Create stores (a Windows that misbehaves);
 * race_learn: the next Create finds a dynamic entry learned just before it;
 * resolve_leaves_unreachable: a ResolveIpNetEntry2 nobody answers leaves an
 * Unreachable entry without a MAC (1) or no entry (0, default); not documented;
 * race_pin: the next GetIpNetEntry2 of a dynamic entry finds it made Permanent
 * (pinned by another tool); race_expire: the next DeleteIpNetEntry2 finds its
 * entry aged out (ERROR_NOT_FOUND); relearn: the entry the next
 * DeleteIpNetEntry2 removes is learned again at once (Reachable, another MAC); faults_after: a fault set for a function
 * answers only its calls after the first this many (a failure part way). */
int dbl_set_option(const char *name, int value) {
    if (strcmp(name, "set_promotes_dynamic") == 0)
        set_promotes_dynamic = value;
    else if (strcmp(name, "ipv4") == 0)
        stack_ipv4 = value;
    else if (strcmp(name, "ipv6") == 0)
        stack_ipv6 = value;
    else if (strcmp(name, "created_state") == 0)
        created_state = value;
    else if (strcmp(name, "race_learn") == 0)
        race_learn = value;
    else if (strcmp(name, "resolve_leaves_unreachable") == 0)
        resolve_leaves_unreachable = value;
    else if (strcmp(name, "race_pin") == 0)
        race_pin = value;
    else if (strcmp(name, "race_expire") == 0)
        race_expire = value;
    else if (strcmp(name, "relearn") == 0)
        relearn = value;
    else if (strcmp(name, "faults_after") == 0)
        faults_after = (uint64_t)value;
    else
        return persistent_set_option(name, value);
    return 0;
}

int dbl_tables_outstanding(void) {
    return tables_outstanding;
}

/* ResolveIpNetEntry2 (learn.microsoft.com/windows/win32/api/netioapi/nf-netioapi-resolveipnetentry2):
 * "flushes any existing neighbor entries that match the IP address on the interface and then
 * resolves the physical address (MAC) address by sending ARP requests for an IPv4 address or
 * neighbor solicitation requests for an IPv6 address"; on success the row "is updated with the
 * properties for neighbor IP address". Codes: ERROR_BAD_NET_NAME (67) when the neighbor is not
 * reachable (nobody answers), ERROR_INVALID_PARAMETER (NULL row, bad or loopback address, neither
 * LUID nor index), ERROR_NOT_FOUND (no such interface), ERROR_NOT_SUPPORTED (no stack of the
 * family on the host). An interface without the family is not found, as for the double's other
 * calls. The answer is a learned (Reachable) entry, replacing whatever was there, a pin included:
 * the helper never calls it on a pinned address. SourceAddress is not used (the interface is named). */
uint32_t ResolveIpNetEntry2(DBL_MIB_IPNET_ROW2 *row, const DBL_SOCKADDR_INET *source) {
    (void)source;
    uint32_t code = enter(F_RESOLVE);
    Interface *iface;
    if (code)
        return code;
    if (row == NULL)
        return INVALID_PARAMETER;
    if ((code = check_row(row, &iface)))
        return code;
    int i = find(row, iface);
    if (i >= 0)
        remove_at((uint32_t)i);
    for (uint32_t a = 0; a < answer_count; a++) {
        if (!same_key(&answers[a], iface->index, row))
            continue;
        DBL_MIB_IPNET_ROW2 learned = answers[a];
        learned.State = 5; /* Reachable */
        append(&learned, iface);
        *row = neighbors[neighbor_count - 1];
        return OK;
    }
    if (resolve_leaves_unreachable) {
        DBL_MIB_IPNET_ROW2 unreachable = *row;
        memset(unreachable.PhysicalAddress, 0, sizeof unreachable.PhysicalAddress);
        unreachable.PhysicalAddressLength = 0;
        unreachable.State = 0; /* Unreachable */
        unreachable.Flags = 2; /* IsUnreachable */
        append(&unreachable, iface);
    }
    return BAD_NET_NAME;
}

/* A neighbor that answers ARP/NS for its address on the interface (index) with the row's MAC; not counted. */
int dbl_add_answer(const DBL_MIB_IPNET_ROW2 *row) {
    if (answer_count == MAX_ANSWERS || by_index(row->InterfaceIndex) == NULL)
        return -1;
    answers[answer_count] = *row;
    answers[answer_count].InterfaceLuid = by_index(row->InterfaceIndex)->luid;
    answer_count++;
    return 0;
}
