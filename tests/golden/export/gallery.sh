#!/usr/bin/env bash
# Create a test VM from each SKU's VHD blobs: a managed image (x64 Gen1 from SAS URIs), or an Azure
# Compute Gallery image version (Gen2, Arm64, Trusted Launch, a gallery source) -- the guide's step 4
# with today's Azure CLI. Made by mpwizard 0.1.0.
# Set the variables below first; no secret is written into this file.
set -euo pipefail
: "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the storage account}"
: "${LOCATION:?set LOCATION to the storage account region, e.g. westus}"
ADMIN_USERNAME="${ADMIN_USERNAME:-azureuser}"
if [ -z "${STORAGE_ACCOUNT:-}" ]; then STORAGE_ACCOUNT='contosovhds'; fi
: "${GALLERY_NAME:?set GALLERY_NAME to the Azure Compute Gallery to create the image versions in}"
: "${SUBSCRIPTION_ID:?set SUBSCRIPTION_ID to the subscription of the gallery}"

# SKU ubuntu-standard 1.0.0
az provider register \
  --namespace 'Microsoft.PartnerCenterIngestion'
az sig create \
  --resource-group 'images-rg' \
  --gallery-name 'contoso_gallery' \
  --location "${LOCATION}"
az sig image-definition create \
  --resource-group 'images-rg' \
  --gallery-name 'contoso_gallery' \
  --gallery-image-definition 'web-gen2' \
  --publisher 'contoso' \
  --offer 'web-appliance' \
  --sku 'ubuntu-standard' \
  --os-type 'Linux' \
  --os-state 'Generalized' \
  --hyper-v-generation 'V2' \
  --architecture 'x64' \
  --features 'SecurityType=TrustedLaunch'
az sig image-version create \
  --resource-group 'images-rg' \
  --gallery-name 'contoso_gallery' \
  --gallery-image-definition 'web-gen2' \
  --gallery-image-version '1.0.0' \
  --location "${LOCATION}" \
  --os-vhd-uri 'https://contosovhds.blob.core.windows.net/vhds/os.vhd' \
  --os-vhd-storage-account "${STORAGE_ACCOUNT}" \
  --data-vhds-uris 'https://contosovhds.blob.core.windows.net/vhds/logs.vhd' 'https://contosovhds.blob.core.windows.net/vhds/db.vhd' \
  --data-vhds-luns '0' '1' \
  --data-vhds-storage-accounts "${STORAGE_ACCOUNT}" "${STORAGE_ACCOUNT}"
az vm create \
  --resource-group "${RESOURCE_GROUP}" \
  --location "${LOCATION}" \
  --name 'ubuntu-standard-x64gen2-test' \
  --image '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/contoso_gallery/images/web-gen2/versions/1.0.0' \
  --security-type 'TrustedLaunch' \
  --enable-secure-boot 'true' \
  --enable-vtpm 'true' \
  --admin-username "${ADMIN_USERNAME}" \
  --size 'Standard_D2s_v5' \
  --generate-ssh-keys
az sig create \
  --resource-group "${RESOURCE_GROUP}" \
  --gallery-name "${GALLERY_NAME}" \
  --location "${LOCATION}"
az sig image-definition create \
  --resource-group "${RESOURCE_GROUP}" \
  --gallery-name "${GALLERY_NAME}" \
  --gallery-image-definition 'ubuntu-standard-arm64' \
  --publisher 'contoso' \
  --offer 'web-appliance' \
  --sku 'ubuntu-standard-arm64' \
  --os-type 'Linux' \
  --os-state 'Generalized' \
  --hyper-v-generation 'V2' \
  --architecture 'Arm64'
az sig image-version create \
  --resource-group "${RESOURCE_GROUP}" \
  --gallery-name "${GALLERY_NAME}" \
  --gallery-image-definition 'ubuntu-standard-arm64' \
  --gallery-image-version '1.0.0' \
  --location "${LOCATION}" \
  --os-vhd-uri 'https://contosovhds.blob.core.windows.net/vhds/arm-os.vhd' \
  --os-vhd-storage-account "${STORAGE_ACCOUNT}"
az vm create \
  --resource-group "${RESOURCE_GROUP}" \
  --location "${LOCATION}" \
  --name 'ubuntu-standard-arm64gen2-test' \
  --image '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Compute/galleries/'"${GALLERY_NAME}"'/images/ubuntu-standard-arm64/versions/1.0.0' \
  --admin-username "${ADMIN_USERNAME}" \
  --size 'Standard_D2ps_v5' \
  --generate-ssh-keys

