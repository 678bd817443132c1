# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: lab_probe
short_description: Test-only, says which PowerShell runs a module on a lab host
description:
  - Returns the C(edition) and C(version) of the PowerShell that ran it, and C(check_mode).
options: {}
author:
  - ipneighbor.windows maintainers (@ipneighbor)
"""
