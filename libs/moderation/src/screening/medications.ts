/**
 * Medicines people name when they save or count them up, generic and brand names of the classes
 * that overdose reports list most: painkillers and opioids, sleeping tablets and benzodiazepines,
 * antidepressants, antipsychotics and mood stabilisers, and the odd others. Writers name whichever
 * their own doctor prescribed, so the list is by class, not by the names the sets happen to hold.
 */
export const MEDICATION = String.raw`(?:pills|tablets|meds|medication|medicine|painkillers|pain killers|sleeping pills|sleeping tablets|sleepers|benzos|opioids|opiates|anti-?depressants|paracetamol|acetaminophen|tylenol|panadol|aspirin|ibuprofen|naproxen|co-?codamol|codeine|tramadol|oxy(?:codone|contin)?|morphine|fentanyl|hydrocodone|vicodin|percocet|methadone|diazepam|valium|lorazepam|ativan|alprazolam|xanax|clonazepam|klonopin|temazepam|zopiclone|zimovane|zolpidem|ambien|sertraline|zoloft|citalopram|escitalopram|lexapro|fluoxetine|prozac|paroxetine|mirtazapine|venlafaxine|effexor|duloxetine|amitriptyline|nortriptyline|trazodone|bupropion|wellbutrin|quetiapine|seroquel|olanzapine|lithium|gabapentin|pregabalin|lyrica|propranolol|insulin|diphenhydramine|benadryl|promethazine|nytol)`;
