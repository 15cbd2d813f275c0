/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/pci_regs.h - PCI configuration space layout (6.1), the
 * subset kshim's simulated functions implement: the type 0 header, the
 * command and status bits, BAR encodings, the capability list with power
 * management, MSI, MSI-X and PCI Express, and the extended space's size.
 * Values are the PCI Local Bus / PCIe specifications' (the same numbers
 * as the kernel's header; the comments are kshim's).
 */
#ifndef LINUX_PCI_REGS_H
#define LINUX_PCI_REGS_H

/* Sizes of the conventional and the PCIe extended configuration space. */
#define PCI_CFG_SPACE_SIZE	256
#define PCI_CFG_SPACE_EXP_SIZE	4096

/* ---- type 0 / common header ---- */
#define PCI_STD_HEADER_SIZEOF	64
#define PCI_STD_NUM_BARS	6	/* BAR0 .. BAR5 */
#define PCI_VENDOR_ID		0x00	/* word */
#define PCI_DEVICE_ID		0x02	/* word */
#define PCI_COMMAND		0x04	/* word */
#define  PCI_COMMAND_IO		0x1	/* decode I/O space */
#define  PCI_COMMAND_MEMORY	0x2	/* decode memory space */
#define  PCI_COMMAND_MASTER	0x4	/* may initiate transactions (DMA) */
#define  PCI_COMMAND_SPECIAL	0x8
#define  PCI_COMMAND_INVALIDATE	0x10	/* memory write and invalidate */
#define  PCI_COMMAND_VGA_PALETTE 0x20
#define  PCI_COMMAND_PARITY	0x40
#define  PCI_COMMAND_WAIT	0x80
#define  PCI_COMMAND_SERR	0x100
#define  PCI_COMMAND_FAST_BACK	0x200
#define  PCI_COMMAND_INTX_DISABLE 0x400	/* INTx# assertion off */

#define PCI_STATUS		0x06	/* word */
#define  PCI_STATUS_IMM_READY	0x01
#define  PCI_STATUS_INTERRUPT	0x08	/* INTx# asserted */
#define  PCI_STATUS_CAP_LIST	0x10	/* capability list at 0x34 */
#define  PCI_STATUS_66MHZ	0x20
#define  PCI_STATUS_UDF		0x40
#define  PCI_STATUS_FAST_BACK	0x80
#define  PCI_STATUS_PARITY	0x100
#define  PCI_STATUS_DEVSEL_MASK	0x600
#define  PCI_STATUS_DEVSEL_FAST		0x000
#define  PCI_STATUS_DEVSEL_MEDIUM	0x200
#define  PCI_STATUS_DEVSEL_SLOW		0x400
#define  PCI_STATUS_SIG_TARGET_ABORT	0x800
#define  PCI_STATUS_REC_TARGET_ABORT	0x1000
#define  PCI_STATUS_REC_MASTER_ABORT	0x2000
#define  PCI_STATUS_SIG_SYSTEM_ERROR	0x4000
#define  PCI_STATUS_DETECTED_PARITY	0x8000

#define PCI_CLASS_REVISION	0x08	/* dword: class << 8 | revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a	/* word: base class, sub class */

#define PCI_CACHE_LINE_SIZE	0x0c
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_MASK		0x7f
#define  PCI_HEADER_TYPE_NORMAL		0
#define  PCI_HEADER_TYPE_BRIDGE		1
#define  PCI_HEADER_TYPE_CARDBUS	2
#define  PCI_HEADER_TYPE_MFD		0x80
#define PCI_BIST		0x0f
#define  PCI_BIST_CODE_MASK	0x0f
#define  PCI_BIST_START		0x40
#define  PCI_BIST_CAPABLE	0x80

/* Base address registers: bit 0 tells I/O from memory. */
#define PCI_BASE_ADDRESS_0	0x10
#define PCI_BASE_ADDRESS_1	0x14
#define PCI_BASE_ADDRESS_2	0x18
#define PCI_BASE_ADDRESS_3	0x1c
#define PCI_BASE_ADDRESS_4	0x20
#define PCI_BASE_ADDRESS_5	0x24
#define  PCI_BASE_ADDRESS_SPACE		0x01
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_SPACE_MEMORY	0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_32	0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_1M	0x02
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fUL)
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03UL)

#define PCI_CARDBUS_CIS		0x28
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_ROM_ADDRESS		0x30
#define  PCI_ROM_ADDRESS_ENABLE	0x01
#define  PCI_ROM_ADDRESS_MASK	(~0x7ffU)
#define PCI_CAPABILITY_LIST	0x34	/* first capability's offset */
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d	/* 0 none, 1 INTA# .. 4 INTD# */
#define PCI_MIN_GNT		0x3e
#define PCI_MAX_LAT		0x3f

/* ---- capability list: each entry starts with an id and a next ---- */
#define PCI_CAP_LIST_ID		0
#define PCI_CAP_LIST_NEXT	1
#define PCI_CAP_FLAGS		2
#define PCI_CAP_SIZEOF		4

#define  PCI_CAP_ID_PM		0x01
#define  PCI_CAP_ID_AGP		0x02
#define  PCI_CAP_ID_VPD		0x03
#define  PCI_CAP_ID_SLOTID	0x04
#define  PCI_CAP_ID_MSI		0x05
#define  PCI_CAP_ID_CHSWP	0x06
#define  PCI_CAP_ID_PCIX	0x07
#define  PCI_CAP_ID_HT		0x08
#define  PCI_CAP_ID_VNDR	0x09
#define  PCI_CAP_ID_DBG		0x0A
#define  PCI_CAP_ID_CCRC	0x0B
#define  PCI_CAP_ID_SHPC	0x0C
#define  PCI_CAP_ID_SSVID	0x0D
#define  PCI_CAP_ID_AGP3	0x0E
#define  PCI_CAP_ID_SECDEV	0x0F
#define  PCI_CAP_ID_EXP		0x10	/* PCI Express */
#define  PCI_CAP_ID_MSIX	0x11
#define  PCI_CAP_ID_SATA	0x12
#define  PCI_CAP_ID_AF		0x13
#define  PCI_CAP_ID_EA		0x14
#define  PCI_CAP_ID_MAX		PCI_CAP_ID_EA

/* Power management. */
#define PCI_PM_PMC		2
#define PCI_PM_CTRL		4
#define  PCI_PM_CTRL_STATE_MASK	0x0003
#define  PCI_PM_CTRL_NO_SOFT_RESET 0x0008
#define PCI_PM_SIZEOF		8

/* MSI: message control, address (32 or 64 bit), data, mask/pending. */
#define PCI_MSI_FLAGS		0x02	/* word */
#define  PCI_MSI_FLAGS_ENABLE	0x0001
#define  PCI_MSI_FLAGS_QMASK	0x000e	/* log2 of vectors the device has */
#define  PCI_MSI_FLAGS_QSIZE	0x0070	/* log2 of vectors enabled */
#define  PCI_MSI_FLAGS_64BIT	0x0080
#define  PCI_MSI_FLAGS_MASKBIT	0x0100	/* per-vector masking */
#define PCI_MSI_RFU		3
#define PCI_MSI_ADDRESS_LO	0x04
#define PCI_MSI_ADDRESS_HI	0x08	/* 64-bit form only */
#define PCI_MSI_DATA_32		0x08
#define PCI_MSI_MASK_32		0x0c
#define PCI_MSI_PENDING_32	0x10
#define PCI_MSI_DATA_64		0x0c
#define PCI_MSI_MASK_64		0x10
#define PCI_MSI_PENDING_64	0x14

/* MSI-X: message control, table and PBA locators (BAR + offset). */
#define PCI_MSIX_FLAGS		2	/* word */
#define  PCI_MSIX_FLAGS_QSIZE	0x07FF	/* table size - 1 */
#define  PCI_MSIX_FLAGS_MASKALL	0x4000
#define  PCI_MSIX_FLAGS_ENABLE	0x8000
#define PCI_MSIX_TABLE		4
#define  PCI_MSIX_TABLE_BIR	0x00000007
#define  PCI_MSIX_TABLE_OFFSET	0xfffffff8
#define PCI_MSIX_PBA		8
#define  PCI_MSIX_PBA_BIR	0x00000007
#define  PCI_MSIX_PBA_OFFSET	0xfffffff8
#define PCI_MSIX_FLAGS_BIRMASK	PCI_MSIX_PBA_BIR
#define PCI_CAP_MSIX_SIZEOF	12

/* One MSI-X table entry, in the BAR. */
#define PCI_MSIX_ENTRY_SIZE		16
#define PCI_MSIX_ENTRY_LOWER_ADDR	0x0
#define PCI_MSIX_ENTRY_UPPER_ADDR	0x4
#define PCI_MSIX_ENTRY_DATA		0x8
#define PCI_MSIX_ENTRY_VECTOR_CTRL	0xc
#define  PCI_MSIX_ENTRY_CTRL_MASKBIT	0x00000001

/* PCI Express capability: the fields kshim fills. */
#define PCI_EXP_FLAGS		0x02	/* word */
#define  PCI_EXP_FLAGS_VERS	0x000f
#define  PCI_EXP_FLAGS_TYPE	0x00f0
#define  PCI_EXP_TYPE_ENDPOINT	0x0
#define  PCI_EXP_TYPE_LEG_END	0x1
#define  PCI_EXP_TYPE_RC_END	0x9
#define PCI_EXP_DEVCAP		0x04
#define PCI_EXP_DEVCTL		0x08
#define PCI_EXP_DEVSTA		0x0a
#define PCI_EXP_LNKCAP		0x0c
#define PCI_EXP_LNKCTL		0x10
#define PCI_EXP_LNKSTA		0x12
#define PCI_CAP_EXP_ENDPOINT_SIZEOF_V2	0x3c

/* Extended capabilities (at 0x100 in the 4 KiB space). */
#define PCI_EXT_CAP_ID(header)		((header) & 0x0000ffff)
#define PCI_EXT_CAP_VER(header)		(((header) >> 16) & 0xf)
#define PCI_EXT_CAP_NEXT(header)	(((header) >> 20) & 0xffc)

#endif /* LINUX_PCI_REGS_H */
