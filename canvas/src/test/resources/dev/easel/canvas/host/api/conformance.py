check("placeholder", True)
