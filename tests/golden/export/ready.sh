#!/usr/bin/env bash
# Create a test VM from each SKU's VHD blobs: a managed image (x64 Gen1 from SAS URIs), or an Azure
# Compute Gallery image version (Gen2, Arm64, Trusted Launch, a gallery source) -- the guide's step 4
# with today's Azure CLI. Made by mpwizard 0.1.0.
# Set the variables below first; no secret is written into this file.
set -euo pipefail
: "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the storage account}"
: "${LOCATION:?set LOCATION to the storage account region, e.g. westus}"
ADMIN_USERNAME="${ADMIN_USERNAME:-azureuser}"

# SKU ubuntu-standard 1.0.0
az image create \
  --resource-group "${RESOURCE_GROUP}" \
  --location "${LOCATION}" \
  --name 'ubuntu-standard-1.0.0' \
  --os-type 'Linux' \
  --hyper-v-generation 'V1' \
  --source 'https://contosovhds.blob.core.windows.net/vhds/os.vhd' \
  --data-disk-sources 'https://contosovhds.blob.core.windows.net/vhds/logs.vhd' 'https://contosovhds.blob.core.windows.net/vhds/db.vhd'
az vm create \
  --resource-group "${RESOURCE_GROUP}" \
  --location "${LOCATION}" \
  --name 'ubuntu-standard-test' \
  --image 'ubuntu-standard-1.0.0' \
  --admin-username "${ADMIN_USERNAME}" \
  --size 'Standard_D1_v2' \
  --generate-ssh-keys

