# Checks a traceback through three nested calls ending in an uncaught ValueError from int().
def parse_field(text):
    return int(text)

def parse_row(row):
    return [parse_field(cell) for cell in row.split(",")]

def parse_table(rows):
    return [parse_row(r) for r in rows]

print(parse_table(["1,2", "3,4"]))
print("now parsing a bad row")
print(parse_table(["5,6", "7,x8"]))
