// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

/* Test double of the provider behind the CIM class MSFT_NetNeighbor
 * (root/StandardCimv2), as Microsoft documents it: EnumerateInstances,
 * ModifyInstance and DeleteInstance select the store by the operation option
 * PolicyStore, as Get-/Set-/Remove-NetNeighbor -PolicyStore send it; the static
 * method Create takes PolicyStore as a method parameter ("Create method of the
 * MSFT_NetNeighbor class"), and without it writes the entry to both stores
 * (New-NetNeighbor: "If you do not specify this parameter, the default entries
 * are created in both the ActiveStore and the PersistentStore"), in the
 * Permanent state only. It answers with MI result codes
 * (CimException.NativeErrorCode). Built into the same library as the IP Helper
 * double, whose interfaces and active table it shares; the provider model
 * (tests/cim/) hands it what the real MI .NET objects carried.
 *
 * What the documentation leaves open is a switch (the host's behaviour; the lab
 * README lists them): ignore_policy_store (the option is sent with mustComply
 * false, so a provider may ignore it: reads see the active store, changes go to
 * both), zone_in_address (an IPv6 link-local IPAddress spelt fe80::1%12),
 * duplicate_win32 (a duplicate is MI 1 Failed carrying Windows System Error
 * 5010, as New-NetIPAddress is reported to answer, instead of MI 11
 * AlreadyExists), create_replaces_active (a both-stores Create over an existing
 * active entry replaces it instead of being refused as a duplicate),
 * create_persistent_accepted (Create with PolicyStore = PersistentStore, which
 * the cmdlet documents as "Specify ActiveStore only", is accepted instead of
 * refused with MI 4 InvalidParameter), mac_lowercase (LinkLayerAddress read
 * back in lower case, as the documentation's example 00-00-12-00-00-ff). */
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
/* The switches, by name; each 0 or 1. */
static const char *const BEHAVIOURS[] = {
    "ignore_policy_store", "zone_in_address", "duplicate_win32", "create_replaces_active",
    "create_persistent_accepted", "mac_lowercase",
};
enum { B_IGNORE_POLICY_STORE, B_ZONE_IN_ADDRESS, B_DUPLICATE_WIN32, B_CREATE_REPLACES_ACTIVE,
       B_CREATE_PERSISTENT_ACCEPTED, B_MAC_LOWERCASE, B_COUNT };
static int behaviour[B_COUNT];
#define ignore_policy_store behaviour[B_IGNORE_POLICY_STORE]
/* The Win32 code the provider put in its error, for the last failed operation; 0 for none. */
static uint32_t error_win32;
enum { POLICY_ABSENT = -1, POLICY_PERSISTENT = 0, POLICY_ACTIVE = 1 };

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
    error_win32 = 0;
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

/* The active store's entry for row's key, or -1. */
static int find_active(const DBL_MIB_IPNET_ROW2 *row) {
    for (uint32_t i = 0; i < dbl_neighbor_count(); i++) {
        DBL_MIB_IPNET_ROW2 n;
        dbl_get_neighbor(i, &n);
        if (same_key(&n, row))
            return (int)i;
    }
    return -1;
}

/* An entry that exists already, answered as the provider answers (switch duplicate_win32). */
static uint32_t duplicate(void) {
    if (behaviour[B_DUPLICATE_WIN32]) {
        error_win32 = 5010;
        return MI_FAILED;
    }
    return MI_ALREADY_EXISTS;
}

/* The active store's copy, as the class writes it without PolicyStore. */
static void write_active(const DBL_MIB_IPNET_ROW2 *row, int remove) {
    int i = find_active(row);
    if (i >= 0)
        dbl_remove_neighbor((uint32_t)i);
    if (!remove) {
        DBL_MIB_IPNET_ROW2 n = *row;
        n.State = DBL_PERMANENT;
        dbl_add_neighbor(&n);
    }
}

/* ---- the operations ---- */

/* The store an operation option PolicyStore selects: the active store
 * without it, as the cmdlets do; a provider that ignores it (switch
 * ignore_policy_store) reads the active store and changes both. */
static int reads_persistent(int policy_store) {
    return policy_store == POLICY_PERSISTENT && !ignore_policy_store;
}

/* Lists the selected store into a snapshot read by dbl_persistent_listed. */
uint32_t dbl_persistent_enumerate(int policy_store, uint32_t *count) {
    uint32_t code = enter(P_ENUMERATE);
    if (code)
        return code;
    int persistent = reads_persistent(policy_store);
    uint32_t n = persistent ? row_count : dbl_neighbor_count();
    listed = realloc(listed, (n ? n : 1) * sizeof *listed);
    listed_store = realloc(listed_store, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (persistent)
            listed[i] = rows[i];
        else
            dbl_get_neighbor(i, &listed[i]);
        listed_store[i] = persistent ? STORE_PERSISTENT : STORE_ACTIVE;
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

/* MSFT_NetNeighbor.Create: policy_store is its PolicyStore parameter
 * (POLICY_ABSENT: both stores), state its State parameter (-1 when absent). */
uint32_t dbl_persistent_create(const DBL_MIB_IPNET_ROW2 *row, int policy_store, int state) {
    uint32_t code = enter(P_CREATE);
    if (code)
        return code;
    if (!dbl_interface_exists(row->InterfaceIndex))
        return MI_NOT_FOUND;
    if (row->PhysicalAddressLength == 0 || row->PhysicalAddressLength > 32)
        return MI_INVALID_PARAMETER;
    if (state >= 0 && state != DBL_PERMANENT)
        return MI_INVALID_PARAMETER;
    if (policy_store == POLICY_PERSISTENT && !behaviour[B_CREATE_PERSISTENT_ACCEPTED])
        return MI_INVALID_PARAMETER;
    int persistent = policy_store != POLICY_ACTIVE, active = policy_store != POLICY_PERSISTENT;
    if (active)
        dbl_race_learn(row);
    if (persistent && find(row) >= 0)
        return duplicate();
    if (active && find_active(row) >= 0 && (!persistent || !behaviour[B_CREATE_REPLACES_ACTIVE]))
        return duplicate();
    if (persistent)
        store(row);
    if (active)
        write_active(row, 0);
    return MI_OK;
}

uint32_t dbl_persistent_error_win32(void) {
    return error_win32;
}

/* Changes the MAC of an entry of the selected store; without the persistent
 * store, of the active store's entry, which must be static (Set-NetNeighbor
 * "can modify only neighbor cache entries that are in a permanent state"). */
uint32_t dbl_persistent_modify(const DBL_MIB_IPNET_ROW2 *row, int policy_store) {
    uint32_t code = enter(P_MODIFY);
    if (code)
        return code;
    if (row->PhysicalAddressLength == 0 || row->PhysicalAddressLength > 32)
        return MI_INVALID_PARAMETER;
    if (!reads_persistent(policy_store) && policy_store != POLICY_PERSISTENT) {
        int a = find_active(row);
        if (a < 0)
            return MI_NOT_FOUND;
        DBL_MIB_IPNET_ROW2 n;
        dbl_get_neighbor((uint32_t)a, &n);
        if (n.State != DBL_PERMANENT)
            return MI_INVALID_PARAMETER;
        write_active(row, 0);
        return MI_OK;
    }
    int i = find(row);
    if (i < 0)
        return MI_NOT_FOUND;
    memcpy(rows[i].PhysicalAddress, row->PhysicalAddress, sizeof rows[i].PhysicalAddress);
    rows[i].PhysicalAddressLength = row->PhysicalAddressLength;
    if (ignore_policy_store)
        write_active(&rows[i], 0);
    return MI_OK;
}

uint32_t dbl_persistent_delete(const DBL_MIB_IPNET_ROW2 *row, int policy_store) {
    uint32_t code = enter(P_DELETE);
    if (code)
        return code;
    if (!reads_persistent(policy_store) && policy_store != POLICY_PERSISTENT) {
        if (find_active(row) < 0)
            return MI_NOT_FOUND;
        write_active(row, 1);
        return MI_OK;
    }
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
    memset(behaviour, 0, sizeof behaviour);
    error_win32 = 0;
    row_count = listed_count = 0;
    index_stale = 1;
    memset(calls, 0, sizeof calls);
    memset(faults, 0, sizeof faults);
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

static int behaviour_id(const char *name) {
    for (int i = 0; i < B_COUNT; i++)
        if (strcmp(BEHAVIOURS[i], name) == 0)
            return i;
    return -1;
}

int persistent_set_option(const char *name, int value) {
    int b = behaviour_id(name);
    if (b < 0)
        return -1;
    behaviour[b] = value;
    return 0;
}

/* A switch's value, for the provider model; -1 for no such switch. */
int dbl_persistent_behaviour(const char *name) {
    int b = behaviour_id(name);
    return b < 0 ? -1 : behaviour[b];
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
