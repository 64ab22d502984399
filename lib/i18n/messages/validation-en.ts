/**
 * Field validation messages, keyed so lib/i18n/validation.ts can re-say the English messages of
 * lib/validations in another language. English here mirrors those schemas' wording.
 */
export const validationEn = {
  required: "{label} is required",
  wholeNumber: "{label} must be a whole number from {min} to {max}",
  minChars: "{label} needs at least {min} characters",
  maxChars: "{label} must be at most {max} characters",
  gpuModel: "Choose a GPU model from the list",
  country: "Country must be a two-letter code like DE",
  cudaFormat: "CUDA version must look like 12.4 (leave empty for ROCm)",
  cudaAmd: "AMD GPUs run ROCm: leave the CUDA version empty",
  cudaNvidia: "Enter the CUDA version the driver supports, like 12.4",
  priceFormat: "Price must be a decimal like 1.85 with at most 6 decimal places",
  priceRange: "Price must be more than 0 and at most 1,000 per GPU-hour",
  hoursOrder: "Maximum hours must be at least the minimum hours",
  description: "Description must be at most 2,000 characters",
  changeSomething: "Change at least one field",
  labelGpuCount: "GPU count",
  labelCpuCores: "CPU cores",
  labelRam: "RAM",
  labelDisk: "Disk",
  labelUpload: "Upload bandwidth",
  labelDownload: "Download bandwidth",
  labelCountry: "Country",
  labelCity: "City",
  labelDriver: "Driver version",
  labelPrice: "Price",
  labelMinHours: "Minimum hours",
  labelMaxHours: "Maximum hours",
  labelReason: "Reason",
};
