// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

/* Test double of the IP Helper neighbor API (iphlpapi.dll): the same exported
 * functions and x64 struct layout, answering with the documented Win32 codes.
 * A test fixture only; never shipped in the collection. */
#ifndef IPHLPAPI_DOUBLE_H
#define IPHLPAPI_DOUBLE_H

#include <stdint.h>

typedef struct {
    uint16_t sin_family;
    uint16_t sin_port;
    uint8_t sin_addr[4];
    uint8_t sin_zero[8];
} DBL_SOCKADDR_IN;

typedef struct {
    uint16_t sin6_family;
    uint16_t sin6_port;
    uint32_t sin6_flowinfo;
    uint8_t sin6_addr[16];
    uint32_t sin6_scope_id;
} DBL_SOCKADDR_IN6;

typedef union {
    DBL_SOCKADDR_IN Ipv4;
    DBL_SOCKADDR_IN6 Ipv6;
    uint16_t si_family;
} DBL_SOCKADDR_INET;

typedef struct {
    DBL_SOCKADDR_INET Address;
    uint32_t InterfaceIndex;
    uint64_t InterfaceLuid;
    uint8_t PhysicalAddress[32];
    uint32_t PhysicalAddressLength;
    int32_t State;
    union {
        struct {
            uint8_t IsRouter : 1;
            uint8_t IsUnreachable : 1;
        };
        uint8_t Flags;
    };
    union {
        uint32_t LastReachable;
        uint32_t LastUnreachable;
    } ReachabilityTime;
} DBL_MIB_IPNET_ROW2;

typedef struct {
    uint32_t NumEntries;
    DBL_MIB_IPNET_ROW2 Table[];
} DBL_MIB_IPNET_TABLE2;

/* MIB_IF_ROW2 (1352 bytes): the fields the helper reads, the rest as padding. */
typedef struct {
    uint64_t InterfaceLuid;
    uint32_t InterfaceIndex;
    uint8_t before_physical_address_length[1044];
    uint32_t PhysicalAddressLength;
    uint8_t rest[292];
} DBL_MIB_IF_ROW2;

enum { DBL_AF_UNSPEC = 0, DBL_AF_INET = 2, DBL_AF_INET6 = 23 };
enum { DBL_PERMANENT = 6 };

/* The Windows functions. */
uint32_t GetIpNetEntry2(DBL_MIB_IPNET_ROW2 *row);
uint32_t GetIpNetTable2(uint16_t family, DBL_MIB_IPNET_TABLE2 **table);
void FreeMibTable(void *memory);
uint32_t CreateIpNetEntry2(const DBL_MIB_IPNET_ROW2 *row);
uint32_t SetIpNetEntry2(DBL_MIB_IPNET_ROW2 *row);
uint32_t DeleteIpNetEntry2(const DBL_MIB_IPNET_ROW2 *row);
uint32_t ConvertInterfaceAliasToLuid(const uint16_t *alias, uint64_t *luid);
uint32_t ConvertInterfaceIndexToLuid(uint32_t index, uint64_t *luid);
uint32_t ConvertInterfaceLuidToIndex(const uint64_t *luid, uint32_t *index);
uint32_t ConvertInterfaceLuidToAlias(const uint64_t *luid, uint16_t *alias, uint64_t length);
uint32_t GetIfEntry2(DBL_MIB_IF_ROW2 *row);
uint32_t ResolveIpNetEntry2(DBL_MIB_IPNET_ROW2 *row, const DBL_SOCKADDR_INET *source);

/* Test control: build the host, inject faults, read the counters. */
void dbl_reset(void);
int dbl_add_interface(uint32_t index, uint64_t luid, const char *alias_utf8, int ipv4, int ipv6);
uint32_t dbl_add_neighbor(const DBL_MIB_IPNET_ROW2 *row);
uint32_t dbl_neighbor_count(void);
int dbl_get_neighbor(uint32_t i, DBL_MIB_IPNET_ROW2 *out);
int dbl_set_fault(const char *function, uint32_t code);
uint64_t dbl_calls(const char *function);
const char *dbl_counted(uint32_t i);
void dbl_reset_counters(void);
uint64_t dbl_mutations(void);
int dbl_set_option(const char *name, int value);
int dbl_tables_outstanding(void);
int dbl_set_link_length(uint32_t index, uint32_t length);
int dbl_interface_exists(uint32_t index);
void dbl_remove_neighbor(uint32_t i);
void dbl_race_learn(const DBL_MIB_IPNET_ROW2 *row);
int dbl_add_answer(const DBL_MIB_IPNET_ROW2 *row);

/* MSFT_NetNeighbor's provider (persistent_double.c): its operations, as the
 * provider model (tests/cim/) calls them, with MI result codes; policy_store is
 * -1 (absent), 0 (PersistentStore) or 1 (ActiveStore). */
uint32_t dbl_persistent_enumerate(int policy_store, uint32_t *count);
int dbl_persistent_listed(uint32_t i, DBL_MIB_IPNET_ROW2 *out, uint8_t *store);
uint32_t dbl_persistent_create(const DBL_MIB_IPNET_ROW2 *row, int policy_store, int state);
uint32_t dbl_persistent_error_win32(void);
uint32_t dbl_persistent_modify(const DBL_MIB_IPNET_ROW2 *row, int policy_store);
uint32_t dbl_persistent_delete(const DBL_MIB_IPNET_ROW2 *row, int policy_store);
uint32_t dbl_add_persistent(const DBL_MIB_IPNET_ROW2 *row);
int dbl_persistent_behaviour(const char *name);
uint32_t dbl_persistent_count(void);
int dbl_get_persistent(uint32_t i, DBL_MIB_IPNET_ROW2 *out);
/* What the dbl_* controls pass on to it. */
void persistent_reset(void);
void persistent_reset_counters(void);
int persistent_set_fault(const char *operation, uint32_t code);
uint64_t persistent_calls(const char *operation);
const char *persistent_operation(uint32_t i);
uint64_t persistent_mutations(void);
int persistent_set_option(const char *name, int value);

#endif
