# Checks an uncaught user-defined exception subclass raised with several args (last stderr line shows them).
class ValidationError(Exception):
    pass

def validate(age):
    if age < 0:
        raise ValidationError("age must be non-negative", age)
    return age

print("valid:", validate(30))
print("validating -5")
validate(-5)
print("never reached")
