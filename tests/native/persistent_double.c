// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

/* Test double of Windows' persistent neighbor store as the CIM class
 * MSFT_NetNeighbor shows it with the operation option PolicyStore =
 * PersistentStore: the four operations the collection's NeighborCim.cs makes,
 * answering with MI result codes (CimException.NativeErrorCode). Built into the
 * same library as the IP Helper double, whose interfaces and active table it
 * shares. A provider that ignores PolicyStore (option ignore_policy_store)
 * reads the active store and writes both, as the class does without the option. */
#include "iphlpapi_double.h"

#include <stdlib.h>
#include <string.h>

enum { MI_OK = 0, MI_FAILED = 1, MI_INVALID_PARAMETER = 4, MI_NOT_FOUND = 6, MI_ALREADY_EXISTS = 11 };
enum { STORE_PERSISTENT = 0, STORE_ACTIVE = 1 };

static const char *const OPERATIONS[] = {
    "MSFT_NetNeighbor.EnumerateInstances", "MSFT_NetNeighbor.Create",
    "MSFT_NetNeighbor.ModifyInstance", "MSFT_NetNeighbor.DeleteInstance",
};
enum { P_ENUMERATE, P_CREATE, P_MODIFY, P_DELETE, P_COUNT };

static DBL_MIB_IPNET_ROW2 *rows, *listed;
static uint8_t *listed_store;
static uint32_t row_count, row_capacity, listed_count;
/* A hash index over rows (slot holds position + 1), rebuilt after a delete
 * moves a row, so that a lookup costs the same at 10 000 rows as at 10. */
static uint32_t *slots, slot_count;
static int index_stale;
static uint64_t calls[P_COUNT];
static uint32_t faults[P_COUNT];
static int ignore_policy_store;
/* The provider spells an IPv6 link-local IPAddress with its zone (fe80::1%12); undocumented. */
static int zone_in_address;

/* The name calls and faults know operation i by, or NULL past the last. */
const char *persistent_operation(uint32_t i) {
    return i < P_COUNT ? OPERATIONS[i] : NULL;
}

static int operation_id(const char *name) {
    for (int i = 0; i < P_COUNT; i++)
        if (strcmp(OPERATIONS[i], name) == 0)
            return i;
    return -1;
}

static uint32_t enter(int p) {
    calls[p]++;
    return faults[p];
}

static int same_key(const DBL_MIB_IPNET_ROW2 *a, const DBL_MIB_IPNET_ROW2 *b) {
    if (a->InterfaceIndex != b->InterfaceIndex || a->Address.si_family != b->Address.si_family)
        return 0;
    if (a->Address.si_family == DBL_AF_INET)
        return memcmp(a->Address.Ipv4.sin_addr, b->Address.Ipv4.sin_addr, 4) == 0;
    return memcmp(a->Address.Ipv6.sin6_addr, b->Address.Ipv6.sin6_addr, 16) == 0;
}

static uint32_t key_hash(const DBL_MIB_IPNET_ROW2 *row) {
    const uint8_t *a = row->Address.si_family == DBL_AF_INET ? row->Address.Ipv4.sin_addr : row->Address.Ipv6.sin6_addr;
    size_t length = row->Address.si_family == DBL_AF_INET ? 4 : 16;
    uint64_t h = 1469598103934665603ULL ^ row->InterfaceIndex;
    for (size_t i = 0; i < length; i++)
        h = (h ^ a[i]) * 1099511628211ULL;
    return (uint32_t)h;
}

/* The slot of row's key: where it is, or the empty slot where it would go. */
static uint32_t probe(const DBL_MIB_IPNET_ROW2 *row) {
    uint32_t mask = slot_count - 1, s = key_hash(row) & mask;
    while (slots[s] && !same_key(&rows[slots[s] - 1], row))
        s = (s + 1) & mask;
    return s;
}

static void reindex(void) {
    free(slots);
    slot_count = 64;
    while (slot_count < 2 * row_capacity)
        slot_count *= 2;
    slots = calloc(slot_count, sizeof *slots);
    for (uint32_t i = 0; i < row_count; i++)
        slots[probe(&rows[i])] = i + 1;
    index_stale = 0;
}

static int find(const DBL_MIB_IPNET_ROW2 *row) {
    if (!slot_count || index_stale)
        reindex();
    uint32_t s = probe(row);
    return slots[s] ? (int)slots[s] - 1 : -1;
}

static void store(const DBL_MIB_IPNET_ROW2 *row) {
    if (row_count == row_capacity) {
        row_capacity = row_capacity ? row_capacity * 2 : 64;
        rows = realloc(rows, row_capacity * sizeof *rows);
        index_stale = 1;
    }
    DBL_MIB_IPNET_ROW2 *r = &rows[row_count++];
    *r = *row;
    r->InterfaceLuid = 0;
    r->State = DBL_PERMANENT;
    r->Flags = 0;
    if (!index_stale && slot_count)
        slots[probe(r)] = row_count;
}

/* The active store's copy, as the class writes it without PolicyStore. */
static void write_active(const DBL_MIB_IPNET_ROW2 *row, int remove) {
    for (uint32_t i = 0; i < dbl_neighbor_count(); i++) {
        DBL_MIB_IPNET_ROW2 n;
        dbl_get_neighbor(i, &n);
        if (same_key(&n, row)) {
            dbl_remove_neighbor(i);
            break;
        }
    }
    if (!remove) {
        DBL_MIB_IPNET_ROW2 n = *row;
        n.State = DBL_PERMANENT;
        dbl_add_neighbor(&n);
    }
}

/* ---- the operations ---- */

/* Lists the store into a snapshot read by dbl_persistent_listed. */
uint32_t dbl_persistent_enumerate(uint32_t *count) {
    uint32_t code = enter(P_ENUMERATE);
    if (code)
        return code;
    uint32_t n = ignore_policy_store ? dbl_neighbor_count() : row_count;
    listed = realloc(listed, (n ? n : 1) * sizeof *listed);
    listed_store = realloc(listed_store, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (ignore_policy_store)
            dbl_get_neighbor(i, &listed[i]);
        else
            listed[i] = rows[i];
        listed_store[i] = ignore_policy_store ? STORE_ACTIVE : STORE_PERSISTENT;
    }
    listed_count = *count = n;
    return MI_OK;
}

int dbl_persistent_listed(uint32_t i, DBL_MIB_IPNET_ROW2 *out, uint8_t *store_value) {
    if (i >= listed_count)
        return -1;
    *out = listed[i];
    *store_value = listed_store[i];
    return 0;
}

uint32_t dbl_persistent_create(const DBL_MIB_IPNET_ROW2 *row) {
    uint32_t code = enter(P_CREATE);
    if (code)
        return code;
    if (!dbl_interface_exists(row->InterfaceIndex))
        return MI_NOT_FOUND;
    if (row->PhysicalAddressLength == 0 || row->PhysicalAddressLength > 32)
        return MI_INVALID_PARAMETER;
    if (find(row) >= 0)
        return MI_ALREADY_EXISTS;
    store(row);
    if (ignore_policy_store)
        write_active(row, 0);
    return MI_OK;
}

uint32_t dbl_persistent_modify(const DBL_MIB_IPNET_ROW2 *row) {
    uint32_t code = enter(P_MODIFY);
    if (code)
        return code;
    int i = find(row);
    if (i < 0)
        return MI_NOT_FOUND;
    if (row->PhysicalAddressLength == 0 || row->PhysicalAddressLength > 32)
        return MI_INVALID_PARAMETER;
    memcpy(rows[i].PhysicalAddress, row->PhysicalAddress, sizeof rows[i].PhysicalAddress);
    rows[i].PhysicalAddressLength = row->PhysicalAddressLength;
    if (ignore_policy_store)
        write_active(&rows[i], 0);
    return MI_OK;
}

uint32_t dbl_persistent_delete(const DBL_MIB_IPNET_ROW2 *row) {
    uint32_t code = enter(P_DELETE);
    if (code)
        return code;
    int i = find(row);
    if (i < 0)
        return MI_NOT_FOUND;
    rows[i] = rows[--row_count];
    index_stale = 1;
    if (ignore_policy_store)
        write_active(row, 1);
    return MI_OK;
}

/* ---- test control, reached through the dbl_* functions of the IP Helper double ---- */

void persistent_reset(void) {
    zone_in_address = 0;
    row_count = listed_count = 0;
    index_stale = 1;
    memset(calls, 0, sizeof calls);
    memset(faults, 0, sizeof faults);
    ignore_policy_store = 0;
}

void persistent_reset_counters(void) {
    memset(calls, 0, sizeof calls);
}

int persistent_set_fault(const char *operation, uint32_t code) {
    int p = operation_id(operation);
    if (p < 0)
        return -1;
    faults[p] = code;
    return 0;
}

uint64_t persistent_calls(const char *operation) {
    int p = operation_id(operation);
    return p >= 0 ? calls[p] : UINT64_MAX;
}

uint64_t persistent_mutations(void) {
    return calls[P_CREATE] + calls[P_MODIFY] + calls[P_DELETE];
}

int persistent_set_option(const char *name, int value) {
    if (strcmp(name, "ignore_policy_store") == 0)
        ignore_policy_store = value;
    else if (strcmp(name, "zone_in_address") == 0)
        zone_in_address = value;
    else
        return -1;
    return 0;
}

int dbl_persistent_zone_in_address(void) {
    return zone_in_address;
}

/* Adds a row as a reboot would find it; not counted. */
uint32_t dbl_add_persistent(const DBL_MIB_IPNET_ROW2 *row) {
    if (!dbl_interface_exists(row->InterfaceIndex))
        return MI_NOT_FOUND;
    if (find(row) >= 0)
        return MI_ALREADY_EXISTS;
    store(row);
    return MI_OK;
}

uint32_t dbl_persistent_count(void) {
    return row_count;
}

int dbl_get_persistent(uint32_t i, DBL_MIB_IPNET_ROW2 *out) {
    if (i >= row_count)
        return -1;
    *out = rows[i];
    return 0;
}
