# A UTF-8 byte-order mark at the start of the file.
x = "bom"
